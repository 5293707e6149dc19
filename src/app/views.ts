import { hasStore, type Views } from '../core/deps.js';
import { keepsPriorities } from '../git/specs-repo.js';

/**
 * Every capability's view builder, for `Deps.views`: a builder that shows
 * another capability's view asks here instead of importing that
 * capability. Each entry loads its module on first use, so a command pays
 * start-up time only for the capabilities its view really touches.
 */
export const VIEWS: Views = {
  brief: async (ctx, opts) => (await import('../brief/read.js')).buildBrief(ctx, opts),
  // the brief asks at every run: on a machine that never synced, load none of the review code
  reviewSummary: async (ctx) =>
    hasStore(ctx) ? (await import('../review/read.js')).readReviewSummary(ctx) : null,
  schedule: async (ctx, opts) => (await import('../schedule/read.js')).buildSchedule(ctx, opts),
  releaseStatus: async (ctx, opts) =>
    (await import('../release/status/read.js')).buildReleaseStatus(ctx, opts),
  gate: async (ctx, opts) => (await import('../gate/read.js')).buildGateView(ctx, opts),
  bugs: async (ctx, opts) => (await import('../bugs/read.js')).buildBugsView(ctx, opts),
  goals: async (ctx, opts) => (await import('../goals/read.js')).buildGoalsView(ctx, opts),
  freeze: async (ctx, opts) => (await import('../freeze/read.js')).buildFreezeView(ctx, opts),
  checklist: async (ctx, opts) => (await import('../checklist/read.js')).buildChecklist(ctx, opts),
  checklistCheck: async (ctx, kind, item) =>
    (await import('../checklist/read-checks.js')).externalCheck(ctx, kind, item),
  postFinalTask: async (ctx, taskId, newSeries) =>
    (await import('../post-final/read.js')).postFinalTaskFor(ctx, taskId, newSeries),
  notesPrelude: async (ctx, deliverable) =>
    (await import('../notes/read.js')).readPreludeCheck(ctx, deliverable),
  meeting: async (ctx) => (await import('../meeting/read.js')).buildMeetingView(ctx),
  releaseActions: async (ctx, opts) =>
    (await import('../actions/read.js')).buildReleaseActions(ctx, opts),
  releaseActionsInput: async (ctx, series) =>
    (await import('../actions/read.js')).buildActionsInput(ctx, series),
  betaMilestone: async (ctx, deliverable, series) =>
    (await import('../actions/read.js')).buildBetaMilestone(ctx, deliverable, series),
  priorities: async (ctx, opts) =>
    (await import('../priorities/read.js')).buildPrioritiesView(ctx, opts),
  // the brief asks at every run: a team without priorities loads none of their code
  prioritiesSummary: async (ctx) =>
    keepsPriorities(ctx)
      ? (await import('../priorities/read-summary.js')).readPrioritiesSummary(ctx)
      : null,
  teamPriorities: async (ctx) =>
    keepsPriorities(ctx)
      ? (await import('../priorities/read-summary.js')).readTeamPriorities(ctx)
      : null,
  gateQueue: async (ctx) => (await import('../gate/read-queue.js')).buildGateQueueView(ctx),
  // the brief asks at every run: without a store, load none of the gate-queue code
  gateAdvice: async (ctx) =>
    hasStore(ctx) ? (await import('../gate/read-queue-advice.js')).readGateAdvice(ctx) : [],
  stable: async (ctx, opts) =>
    (await import('../release/stable/read.js')).buildStableView(ctx, opts),
  meetingAgendas: async (ctx, tag) =>
    (await import('../meetings/read.js')).meetingAgendas(ctx, tag),
  openstack: async (ctx, filters) =>
    (await import('../openstack/command.js')).buildOpenStack(ctx, filters),
};
