import { SystemListQuery } from '@karna/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { type Kysely, sql } from 'kysely';
import { z } from 'zod';
import { toCsv } from '../../platform/csv/index.ts';
import type { PlatformContext } from '../../platform/module.ts';
import type { PortfolioAccess } from './portfolio.access.ts';
import { listComponents } from './portfolio.components.ts';
import { portfolioError } from './portfolio.errors.ts';
import { listIntegrations } from './portfolio.integrations.ts';
import { ratingResults } from './portfolio.ratings.ts';
import { currentOwners } from './portfolio.roles.ts';
import { accessOf } from './portfolio.routes.ts';
import { filteredSystems, usageOf } from './portfolio.systems.ts';
import {
  classificationOverdueReport,
  innovationReport,
  roleCoverageReport,
  ssoCoverageReport,
  tierReport,
} from './portfolio.views.ts';

/**
 * Every list of the portfolio as CSV, the way a Swedish spreadsheet opens it: UTF-8 with a byte
 * order mark, semicolons, Swedish words. The systems list uses the headings and words the import
 * understands, so an exported list can be edited and imported again. A cell that a spreadsheet
 * would run as a formula (=, +, -, @ first) is written with a leading apostrophe.
 */

export const EXPORT_LISTS = [
  'systems',
  'integrations',
  'tiers',
  'role-coverage',
  'sso-coverage',
  'classification-overdue',
  'innovation',
  'ratings',
  'components',
] as const;

const ExportParams = z.object({ list: z.enum(EXPORT_LISTS) });
const ExportQuery = SystemListQuery.omit({ page: true, limit: true }).extend({
  top: z.coerce.number().int().min(1).max(1000).default(30),
  roundId: z.uuid().optional(),
});
type ExportQuery = z.infer<typeof ExportQuery>;

/** The most rows one export holds. */
const EXPORT_LIMIT = 20_000;

const words = {
  category: { shared: 'kommungemensamt', department: 'verksamhetsspecifikt' },
  supportKind: { basic: 'grundläggande', differentiating: 'differentierande', innovative: 'innovativt' },
  lifecycle: {
    planned: 'planerat',
    introducing: 'införs',
    operating: 'i drift',
    phasingOut: 'avvecklas',
    retired: 'avvecklat',
  },
  hosting: { ownDataCentre: 'egen drift', supplier: 'leverantör', cloud: 'moln' },
  tier: { gold: 'guld', silver: 'silver', bronze: 'brons', copper: 'koppar' },
  time: { tolerate: 'tolerera', invest: 'investera', migrate: 'migrera', eliminate: 'avveckla' },
  pattern: { api: 'API', file: 'fil', event: 'händelse', database: 'databas' },
  frequency: {
    realtime: 'realtid',
    hourly: 'varje timme',
    daily: 'dagligen',
    weekly: 'veckovis',
    monthly: 'månadsvis',
    onDemand: 'vid behov',
  },
  gap: {
    noSystemOwner: 'systemägare saknas',
    ownerNotAccepted: 'systemägaren har inte accepterat',
    noSystemManager: 'systemansvarig saknas',
    managerNotFullTime: 'systemansvarig arbetar inte heltid',
    noSystemCustodian: 'systemförvaltare saknas',
  },
} as const;

function word<Kind extends keyof typeof words>(kind: Kind, value: string | null): string {
  if (value === null) return '';
  return (words[kind] as Record<string, string>)[value] ?? value;
}

const yesNo = (value: boolean) => (value ? 'ja' : 'nej');

async function systemsCsv(db: Kysely<unknown>, access: PortfolioAccess, query: ExportQuery): Promise<string> {
  const descending = query.sort.startsWith('-');
  const rows = await filteredSystems(db, access, query)
    .selectAll()
    .orderBy(sql`name_sort collate "C"`, descending ? 'desc' : 'asc')
    .limit(EXPORT_LIMIT)
    .execute();
  const ids = rows.map((row) => row.id);
  const [usage, owners] = await Promise.all([usageOf(db, ids), currentOwners(db, ids, access.today)]);
  return toCsv(
    [
      'Namn',
      'Beskrivning',
      'Kategori',
      'Typ av stöd',
      'Livscykel',
      'Sedan',
      'Ägande nämnd',
      'Systemägare',
      'Systemägare e-post',
      'Används av',
      'Antal användare',
      'Leverantör',
      'Avtal',
      'Drift',
      'Plattform',
      'Nivå',
      'Gemensam inloggning',
      'Metakatalog',
      'TIME',
    ],
    rows.map((row) => {
      const owner = owners.get(row.id);
      return [
        row.name,
        row.description,
        word('category', row.category),
        word('supportKind', row.support_kind),
        word('lifecycle', row.lifecycle),
        row.lifecycle_from,
        access.unitName(row.owning_board_id),
        owner?.personName ?? null,
        owner?.personEmail ?? null,
        (usage.get(row.id) ?? []).map((id) => access.unitName(id) ?? '').join(', '),
        row.user_count,
        row.supplier,
        row.contract_reference,
        word('hosting', row.hosting),
        row.technical_platform,
        word('tier', row.tier),
        yesNo(row.single_sign_on),
        yesNo(row.central_access_administration),
        word('time', row.time_verdict),
      ];
    }),
  );
}

async function listCsv(
  db: Kysely<unknown>,
  access: PortfolioAccess,
  list: (typeof EXPORT_LISTS)[number],
  query: ExportQuery,
) {
  switch (list) {
    case 'systems':
      return systemsCsv(db, access, query);
    case 'integrations': {
      const { items } = await listIntegrations(db, access, { page: 1, limit: EXPORT_LIMIT });
      return toCsv(
        [
          'Från',
          'Till',
          'Informationsmängder',
          'Mönster',
          'Protokoll',
          'Format',
          'Frekvens',
          'Plattform',
          'Ansvarig enhet',
        ],
        items.map((item) => [
          item.sourceSystemName,
          item.targetSystemName,
          item.informationTypes.map((type) => type.nameSv).join(', '),
          word('pattern', item.pattern),
          item.protocol,
          item.format,
          word('frequency', item.frequency),
          item.platform,
          item.ownerOrgUnitName,
        ]),
      );
    }
    case 'tiers': {
      const report = await tierReport(db);
      return toCsv(
        ['Nivå', 'Kategori', 'Antal system'],
        report.rows.map((row) => [
          row.tier ? word('tier', row.tier) : 'ej bedömd',
          word('category', row.category),
          row.count,
        ]),
      );
    }
    case 'role-coverage': {
      const report = await roleCoverageReport(db, access);
      return toCsv(
        ['System', 'Nivå', 'Brister'],
        report.gaps.map((entry) => [
          entry.system.name,
          word('tier', entry.system.tier),
          entry.gaps.map((gap) => word('gap', gap)).join(', '),
        ]),
      );
    }
    case 'sso-coverage': {
      const report = await ssoCoverageReport(db, query.top);
      return toCsv(
        ['Plats', 'System', 'Nivå', 'Antal användare', 'Gemensam inloggning', 'Metakatalog'],
        report.systems.map((system, index) => [
          index + 1,
          system.name,
          word('tier', system.tier),
          system.userCount,
          yesNo(system.singleSignOn),
          yesNo(system.centralAccessAdministration),
        ]),
      );
    }
    case 'classification-overdue': {
      const report = await classificationOverdueReport(db, access);
      return toCsv(
        ['Informationsmängd', 'Orsak', 'Nästa översyn', 'System'],
        report.items.map((item) => [
          item.informationType.nameSv,
          item.reason === 'never' ? 'aldrig klassad' : 'översynen är försenad',
          item.nextReviewOn,
          item.systems.map((system) => system.name).join(', '),
        ]),
      );
    }
    case 'innovation': {
      const report = await innovationReport(db, access);
      return toCsv(
        ['System', 'Innovativt sedan', 'Månader', 'Över sex månader'],
        report.items.map((item) => [item.name, item.since, item.months, yesNo(item.overdue)]),
      );
    }
    case 'components': {
      const components = await listComponents(db);
      const statusWords = {
        standard: 'standard',
        allowed: 'tillåten',
        phasingOut: 'avvecklas',
        notAllowed: 'inte tillåten',
      };
      const kindWords = { equipment: 'utrustning', platform: 'plattform', software: 'programvara' };
      return toCsv(
        ['Komponent', 'Slag', 'Status', 'Ersätts av', 'Antal system', 'System'],
        components.map((component) => [
          component.name,
          kindWords[component.kind],
          statusWords[component.status],
          component.replacedByName,
          component.systems.length,
          component.systems.map((system) => system.name).join(', '),
        ]),
      );
    }
    case 'ratings': {
      if (!query.roundId) throw portfolioError('rating_round_not_found');
      const results = await ratingResults(db, access, query.roundId);
      return toCsv(
        [
          'System',
          'Antal svar',
          'Medelbetyg',
          'Andel 4–5 (%)',
          'Betyg 1',
          'Betyg 2',
          'Betyg 3',
          'Betyg 4',
          'Betyg 5',
        ],
        results.systems.map((system) => [
          system.name,
          system.ratings,
          system.average.toFixed(2).replace('.', ','),
          Math.round(system.shareHigh * 100),
          ...system.distribution,
        ]),
      );
    }
  }
}

export async function registerPortfolioExportRoutes(
  fastify: FastifyInstance,
  { db }: PlatformContext,
): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/portfolio/exports/:list',
    {
      schema: {
        tags: ['portfolio'],
        summary:
          'A list of the portfolio as CSV (semicolons, UTF-8): systems with the list filters, integrations, or a report',
        params: ExportParams,
        querystring: ExportQuery,
        produces: ['text/csv'],
      },
      config: { access: { permission: 'portfolio.read' } },
    },
    async (request, reply) => {
      const access = await accessOf(db, request);
      const csv = await listCsv(db, access, request.params.list, request.query);
      reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="portfolj-${request.params.list}-${access.today}.csv"`,
        );
      return csv;
    },
  );
}
