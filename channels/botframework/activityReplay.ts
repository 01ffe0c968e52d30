// A Bot Framework activity retried by its channel (the same id in the same conversation: the
// first answer was slow or lost) gets the replies its first turn committed, sent again, not a
// second turn: "1" retried must not answer the next question too.
import type { Activity, TurnContext } from 'botbuilder';
import type { Clock } from '../../bot/platform/clock';
import type { IdHasher } from '../../bot/platform/ids';
import type { Queryable } from '../../bot/store/database';
import { REPLAY_KEPT_MS } from '../../bot/scheduled/retention';
import { deliveredAtOnce } from '../../bot/turn/turnCommit';

export interface ActivityReplay {
  /** Inside the turn's lock, before the bot: true when the activity was answered before and its replies are sent again. */
  replayed(context: TurnContext): Promise<boolean>;
  /** Within the turn's transaction: the replies it commits, kept under the activity's id. */
  keep(tx: Queryable, context: TurnContext, replies: Array<Partial<Activity>>): Promise<void>;
}

export function createActivityReplay(deps: { db: Queryable; clock: Clock; hashId: IdHasher }): ActivityReplay {
  const keyOf = ({ activity }: TurnContext): string | undefined =>
    activity.id ? deps.hashId(`replay/${activity.channelId}/${activity.conversation.id}/${activity.id}`) : undefined;

  return {
    async replayed(context) {
      const key = keyOf(context);
      if (!key) return false;
      const [row] = await deps.db.query<{ replies: Array<Partial<Activity>> }>(
        'select replies from activity_replay where key = $1 and at > $2',
        [key, new Date(deps.clock.now().getTime() - REPLAY_KEPT_MS)],
      );
      if (!row) return false;
      if (row.replies.length > 0) await context.sendActivities(row.replies.map((reply) => deliveredAtOnce({ ...reply })));
      return true;
    },
    async keep(tx, context, replies) {
      const key = keyOf(context);
      if (!key) return;
      const kept = replies.map(({ type, text, speak, inputHint, suggestedActions, attachments, attachmentLayout, locale }) => ({
        type,
        text,
        speak,
        inputHint,
        suggestedActions,
        attachments,
        attachmentLayout,
        locale,
      }));
      await tx.query(
        `insert into activity_replay (key, conversation_hash, at, replies) values ($1, $2, $3, $4::jsonb)
         on conflict (key) do nothing`,
        [key, deps.hashId(context.activity.conversation.id), deps.clock.now(), JSON.stringify(kept)],
      );
    },
  };
}
