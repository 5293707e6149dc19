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
