import type { RatingResults, RatingRound } from '@karna/contracts';
import { type Kysely, type Selectable, sql } from 'kysely';
import { forbidden, type PortfolioAccess } from './portfolio.access.ts';
import { portfolioError } from './portfolio.errors.ts';
import { type PortfolioTables, portfolioDb } from './portfolio.tables.ts';

/**
 * User ratings (M6): in a survey round staff rate the systems they use from 1 to 5, with an optional
 * comment. Results per system and overall as the share rated 4 or 5 (MOL measured 68 %). Answers
 * are anonymous in the results: comments are shown without names, and only to those who edit the
 * system and to the IT department.
 */

type RoundRow = Selectable<PortfolioTables['portfolio_rating_rounds']>;

function presentRound(row: RoundRow, ratings: number, today: string): RatingRound {
  return {
    id: row.id,
    name: row.name,
    opensOn: row.opens_on,
    closesOn: row.closes_on,
    open: row.opens_on <= today && today <= row.closes_on,
    ratings,
  };
}

async function ratingCounts(db: Kysely<unknown>): Promise<Map<string, number>> {
  const rows = await portfolioDb(db)
    .selectFrom('portfolio_ratings')
    .select(['round_id', (eb) => eb.fn.countAll<number>().as('count')])
    .groupBy('round_id')
    .execute();
  return new Map(rows.map((row) => [row.round_id, Number(row.count)]));
}

export async function listRounds(db: Kysely<unknown>, access: PortfolioAccess): Promise<RatingRound[]> {
  const [rows, counts] = await Promise.all([
    portfolioDb(db).selectFrom('portfolio_rating_rounds').selectAll().orderBy('opens_on', 'desc').execute(),
    ratingCounts(db),
  ]);
  return rows.map((row) => presentRound(row, counts.get(row.id) ?? 0, access.today));
}

export async function createRound(
  trx: Kysely<unknown>,
  access: PortfolioAccess,
  input: { name: string; opensOn: string; closesOn: string },
): Promise<RatingRound> {
  if (!access.managesAnything()) throw forbidden();
  if (input.closesOn < input.opensOn) throw portfolioError('dates_out_of_order');
  const row = await portfolioDb(trx)
    .insertInto('portfolio_rating_rounds')
    .values({ name: input.name, opens_on: input.opensOn, closes_on: input.closesOn })
    .returningAll()
    .executeTakeFirstOrThrow();
  return presentRound(row, 0, access.today);
}

async function findRound(db: Kysely<unknown>, id: string): Promise<RoundRow> {
  const row = await portfolioDb(db)
    .selectFrom('portfolio_rating_rounds')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw portfolioError('rating_round_not_found');
  return row;
}

/** A staff member's rating of one system in an open round; rating again replaces it. */
export async function rate(
  trx: Kysely<unknown>,
  access: PortfolioAccess,
  roundId: string,
  input: { systemId: string; score: number; comment: string | null },
): Promise<void> {
  const userId = access.userId;
  if (!userId) throw forbidden();
  const round = await findRound(trx, roundId);
  if (!(round.opens_on <= access.today && access.today <= round.closes_on))
    throw portfolioError('rating_round_closed');
  const system = await portfolioDb(trx)
    .selectFrom('portfolio_systems')
    .select('id')
    .where('id', '=', input.systemId)
    .where('lifecycle', '<>', 'retired')
    .executeTakeFirst();
  if (!system) throw portfolioError('system_not_found');
  await portfolioDb(trx)
    .insertInto('portfolio_ratings')
    .values({
      round_id: roundId,
      system_id: input.systemId,
      user_id: userId,
      score: input.score,
      comment: input.comment,
    })
    .onConflict((conflict) =>
      conflict
        .columns(['round_id', 'system_id', 'user_id'])
        .doUpdateSet({ score: input.score, comment: input.comment, updated_at: new Date() }),
    )
    .execute();
}

export async function ratingResults(
  db: Kysely<unknown>,
  access: PortfolioAccess,
  roundId: string,
): Promise<RatingResults> {
  const round = await findRound(db, roundId);
  const tables = portfolioDb(db);
  const [aggregates, comments, mine] = await Promise.all([
    tables
      .selectFrom('portfolio_ratings')
      .innerJoin('portfolio_systems', 'portfolio_systems.id', 'portfolio_ratings.system_id')
      .select([
        'portfolio_systems.id',
        'portfolio_systems.name',
        'portfolio_systems.owning_board_id',
        (eb) => eb.fn.countAll<number>().as('ratings'),
        sql<number>`avg(score)::float8`.as('average'),
        sql<number>`count(*) filter (where score >= 4)`.as('high'),
        ...[1, 2, 3, 4, 5].map((score) =>
          sql<number>`count(*) filter (where score = ${score})`.as(`s${score}`),
        ),
      ])
      .where('portfolio_ratings.round_id', '=', roundId)
      .groupBy(['portfolio_systems.id', 'portfolio_systems.name', 'portfolio_systems.owning_board_id'])
      .orderBy(sql`portfolio_systems.name_sort collate "C"`)
      .execute(),
    tables
      .selectFrom('portfolio_ratings')
      .select(['system_id', 'comment'])
      .where('round_id', '=', roundId)
      .where('comment', 'is not', null)
      .orderBy('updated_at')
      .execute(),
    access.userId
      ? tables
          .selectFrom('portfolio_ratings')
          .select(['system_id', 'score', 'comment'])
          .where('round_id', '=', roundId)
          .where('user_id', '=', access.userId)
          .execute()
      : [],
  ]);
  const total = aggregates.reduce((sum, row) => sum + Number(row.ratings), 0);
  const high = aggregates.reduce((sum, row) => sum + Number(row.high), 0);
  return {
    round: presentRound(round, total, access.today),
    ratings: total,
    shareHigh: total === 0 ? null : high / total,
    systems: aggregates.map((row) => {
      const record = row as unknown as Record<string, number>;
      return {
        id: row.id,
        name: row.name,
        ratings: Number(row.ratings),
        average: Number(row.average),
        shareHigh: Number(row.high) / Number(row.ratings),
        distribution: [1, 2, 3, 4, 5].map((score) => Number(record[`s${score}`])),
        comments: access.canEdit(row)
          ? comments.filter((comment) => comment.system_id === row.id).map((comment) => comment.comment ?? '')
          : null,
      };
    }),
    mine: mine.map((row) => ({ systemId: row.system_id, score: row.score, comment: row.comment })),
  };
}
