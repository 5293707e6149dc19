/** A starting config for a team without a built-in one. */
export function starterConfig(team: string): string {
  const key = /^[\w-]+$/.test(team) ? team : JSON.stringify(team);
  const slug = team.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  return `# Team config for ${team}. Deadlines are relative to the series schedule:
# R-16 (Thursday of week R-16), an event label such as i-2 (its first letter
# follows the series), or a date, optionally followed by offsets like -1w, +2d.
team: ${key}

deadlines:
  - id: ${slug}-spec-freeze
    title: ${team} spec freeze
    when: i-2
    owner: ptl
  - id: ${slug}-feature-deadline
    title: ${team} features merged for the feature freeze
    when: i-3 -1w
    owner: team
`;
}

/**
 * A commented `meetings:` section for `liaison init`. Meeting times, days and
 * channels change and cannot be checked offline, so none is given as a fact:
 * the values are placeholders to replace with those of the meeting's file in
 * opendev's irc-meetings repository (meetings/*.yaml), which this section
 * accepts as it is.
 */
export function meetingsExample(): string {
  return `
# IRC meetings, as in opendev.org/opendev/irc-meetings (copy the meeting's
# meetings/*.yaml entry; the values below are placeholders, not the real ones).
# kind: team (the agenda is the release section of the meeting report) or
# release-team (the team's due release actions and open questions).
# remind: how many days before the meeting the agenda goes out (0d: that day).
# time is HHMM in UTC; frequency: weekly, biweekly-odd, biweekly-even,
# quadweekly[-week-1|2|3], first-monday..first-friday, adhoc.
# The schedule's calendar (liaison schedule --ics) carries them as recurring events.
#
# meetings:
#   - project: Our Team Meeting
#     kind: team
#     agenda_url: https://etherpad.example.org/p/our-team-meeting
#     remind: 0d
#     schedule:
#       - time: 'HHMM'
#         day: DAY-OF-WEEK
#         irc: CHANNEL-WITHOUT-HASH
#         frequency: weekly
#   - project: Release Team Meeting
#     kind: release-team
#     remind: 1d
#     schedule:
#       - time: 'HHMM'
#         day: DAY-OF-WEEK
#         irc: CHANNEL-WITHOUT-HASH
#         frequency: weekly
`;
}
