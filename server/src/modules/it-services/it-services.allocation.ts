import { DriverKind as DriverKindSchema } from '@karna/contracts';
/**
 * Chargeback: IT's costs distributed to the departments by the six models of MOL appendix 8.2.
 * Pure arithmetic, no database. Money is whole öre and is never computed with floating shares:
 * every split is integer division with the leftover öre handed out by largest remainder, so the
 * lines of a part add up exactly to the part and the same input always gives the same output.
 */

/** 1 = IT's own budget (not distributed), 2 = per system by tier, 3 = per computer (pupils' 1-to-1
 * lower), 4 = per user, 5 = per connection/switch/access point, 6 = per change-project demand. */
export const DISTRIBUTION_MODELS = [1, 2, 3, 4, 5, 6] as const;
export type DistributionModel = (typeof DISTRIBUTION_MODELS)[number];
export type DistributedModel = Exclude<DistributionModel, 1>;

/** The driver kinds, in the order lines list them (the contracts' own list). */
export const DRIVER_KINDS = DriverKindSchema.options;
export type DriverKind = (typeof DRIVER_KINDS)[number];

/** Which driver kinds each distributed model counts, with the weight of one unit. */
export type ModelWeights = Record<DistributedModel, Partial<Record<DriverKind, number>>>;

export const DEFAULT_MODEL_WEIGHTS: ModelWeights = {
  2: { systemGold: 8, systemSilver: 4, systemBronze: 2, systemCopper: 1 },
  3: { computerStaff: 1, computerPupil: 0.4 },
  4: { user: 1 },
  5: { connection: 1 },
  6: { projectDemand: 1 },
};

export interface AllocationPool {
  id: string;
  /** Safe integer ≥ 0. */
  amountOre: number;
  /** At least one entry, distinct models, shares integers > 0 summing to 10 000. */
  models: { model: DistributionModel; shareBasisPoints: number }[];
}

export interface DriverRow {
  departmentId: string;
  kind: DriverKind;
  /** Finite ≥ 0; may be fractional (orders weighted by the days of the year they ran). */
  quantity: number;
}

export interface AllocationInput {
  pools: AllocationPool[];
  drivers: DriverRow[];
  weights: ModelWeights;
}

export interface ChargeLine {
  departmentId: string;
  poolId: string;
  model: DistributedModel;
  /** The department's rows for the model's kinds (quantities summed per kind), in DRIVER_KINDS order. */
  drivers: { kind: DriverKind; quantity: number; weight: number }[];
  /** The department's weighted units (to six decimals, the precision the engine counts in). */
  units: number;
  /** All departments' weighted units for this model. */
  totalUnits: number;
  /** part / totalUnits: öre per weighted unit, unrounded, for explanation. */
  rateOre: number;
  /** Integer öre charged. */
  amountOre: number;
  /** amountOre − floor(exact share): 0 or 1, the whole-öre remainder this line received. */
  roundingOre: number;
}

export interface AllocationResult {
  /** Each pool's amount split over its models, pools and models in input order. */
  parts: { poolId: string; model: DistributionModel; amountOre: number }[];
  /** Model-1 parts (they stay with IT), only for pools that list model 1. */
  retained: { poolId: string; amountOre: number }[];
  /** Sorted by poolId, model, departmentId (plain code-unit order). */
  lines: ChargeLine[];
}

export type AllocationErrorCode = 'driver_sum_zero' | 'invalid_pool';

export class AllocationError extends Error {
  readonly code: AllocationErrorCode;
  readonly poolId: string;
  readonly model?: DistributionModel;

  constructor(code: AllocationErrorCode, poolId: string, model?: DistributionModel) {
    super(model === undefined ? `${code}: pool ${poolId}` : `${code}: pool ${poolId}, model ${model}`);
    this.name = 'AllocationError';
    this.code = code;
    this.poolId = poolId;
    if (model !== undefined) this.model = model;
  }
}

const BASIS_POINTS = 10_000n;
/** Weighted units are counted in millionths: exact integers for BigInt, and 0.4 × 3 is 1.2, not 1.2000000000000002. */
const MICRO = 1e6;

/** One department's standing under one model, computed once and shared by every pool using the model. */
interface DepartmentUnits {
  departmentId: string;
  /** Frozen and shared by the department's lines under this model: tens of thousands of copies cost more than the rest. */
  drivers: ChargeLine['drivers'];
  micro: bigint;
  units: number;
}

interface ModelBasis {
  departments: DepartmentUnits[]; // departmentId ascending, only those with units > 0
  totalMicro: bigint;
}

/** Distributes every pool over the departments by its models' drivers. */
export function allocate(input: AllocationInput): AllocationResult {
  input.pools.forEach(validatePool);
  assertDistinctPoolIds(input.pools);
  const quantities = sumQuantities(input.drivers);
  const bases = new Map<DistributedModel, ModelBasis>();
  const basisOf = (model: DistributedModel) => {
    const basis = bases.get(model) ?? modelBasis(quantities, model, input.weights[model] ?? {});
    bases.set(model, basis);
    return basis;
  };
  const parts = input.pools.flatMap((pool) => splitPool(pool).map((part) => ({ poolId: pool.id, ...part })));
  const retained = parts
    .filter((part) => part.model === 1)
    .map(({ poolId, amountOre }) => ({ poolId, amountOre }));
  // Parts taken in line order (pool id, then model) and each distributed in department order, so
  // the lines come out sorted without sorting tens of thousands of them.
  const lines: ChargeLine[] = [];
  for (const part of [...parts].sort(comparePartsForLines)) {
    if (part.model === 1 || part.amountOre === 0) continue;
    lines.push(...distributePart(part.poolId, part.model, BigInt(part.amountOre), basisOf(part.model)));
  }
  return { parts, retained, lines };
}

/**
 * A year's amount for one month, so that the twelve months sum exactly to the year:
 * floor(A·m/12) − floor(A·(m−1)/12).
 */
export function monthlyPortion(annualOre: number, month: number): number {
  if (!Number.isSafeInteger(annualOre))
    throw new RangeError(`An annual amount must be whole öre, not ${annualOre}`);
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new RangeError(`No month ${month}`);
  const annual = BigInt(annualOre);
  return Number(floorDivide(annual * BigInt(month), 12n) - floorDivide(annual * BigInt(month - 1), 12n));
}

function validatePool(pool: AllocationPool): void {
  const invalid = () => new AllocationError('invalid_pool', pool.id);
  if (typeof pool.id !== 'string' || pool.id === '') throw invalid();
  if (!Number.isSafeInteger(pool.amountOre) || pool.amountOre < 0) throw invalid();
  if (!Array.isArray(pool.models) || pool.models.length === 0) throw invalid();
  const seen = new Set<DistributionModel>();
  let sum = 0;
  for (const { model, shareBasisPoints } of pool.models) {
    if (!DISTRIBUTION_MODELS.includes(model) || seen.has(model)) throw invalid();
    if (!Number.isSafeInteger(shareBasisPoints) || shareBasisPoints <= 0) throw invalid();
    seen.add(model);
    sum += shareBasisPoints;
  }
  if (sum !== 10_000) throw invalid();
}

/** Two pools with one id would make the lines' order, and a caller's reading of them, ambiguous. */
function assertDistinctPoolIds(pools: AllocationPool[]): void {
  const seen = new Set<string>();
  for (const pool of pools) {
    if (seen.has(pool.id)) throw new AllocationError('invalid_pool', pool.id);
    seen.add(pool.id);
  }
}

/**
 * A pool's amount over its models by basis points in whole öre, largest remainder, ties to the
 * model listed first: the `parts` allocate reports, without needing any drivers.
 */
export function splitPool(pool: AllocationPool): { model: DistributionModel; amountOre: number }[] {
  validatePool(pool);
  const amounts = splitAmount(pool);
  return pool.models.map(({ model }, index) => ({ model, amountOre: Number(amounts[index] ?? 0n) }));
}

function splitAmount(pool: AllocationPool): bigint[] {
  const amount = BigInt(pool.amountOre);
  const exact = pool.models.map(({ shareBasisPoints }) => amount * BigInt(shareBasisPoints));
  const floors = exact.map((value) => value / BASIS_POINTS);
  const remainders = exact.map((value) => value % BASIS_POINTS);
  const leftover = Number(amount - floors.reduce((sum, value) => sum + value, 0n));
  const order = remainders.map((_, index) => index).sort((a, b) => compareBigDescending(remainders, a, b));
  for (const index of order.slice(0, leftover)) floors[index] = (floors[index] ?? 0n) + 1n;
  return floors;
}

/**
 * Quantities per department and kind. Each cell's rows are summed in ascending order so that the
 * floating-point sum, and so everything after it, does not depend on the order of the rows.
 */
function sumQuantities(drivers: DriverRow[]): Map<string, Map<DriverKind, number>> {
  const cells = new Map<string, Map<DriverKind, number[]>>();
  for (const row of drivers) {
    assertDriverRow(row);
    const byKind = cells.get(row.departmentId) ?? new Map<DriverKind, number[]>();
    cells.set(row.departmentId, byKind);
    const values = byKind.get(row.kind);
    if (values) values.push(row.quantity);
    else byKind.set(row.kind, [row.quantity]);
  }
  const sums = new Map<string, Map<DriverKind, number>>();
  for (const [departmentId, byKind] of cells) {
    const summed = new Map<DriverKind, number>();
    for (const [kind, values] of byKind) summed.set(kind, sortedSum(values));
    sums.set(departmentId, summed);
  }
  return sums;
}

function sortedSum(values: number[]): number {
  if (values.length === 1) return values[0] ?? 0;
  return values.sort((a, b) => a - b).reduce((sum, value) => sum + value, 0);
}

function assertDriverRow(row: DriverRow): void {
  if (typeof row.departmentId !== 'string' || !DRIVER_KINDS.includes(row.kind)) {
    throw new RangeError(`Unknown driver row ${JSON.stringify(row)}`);
  }
  if (!Number.isFinite(row.quantity) || row.quantity < 0) {
    throw new RangeError(`A driver quantity must be finite and ≥ 0, not ${row.quantity}`);
  }
}

/** Every department's weighted units under one model, departments in id order. */
function modelBasis(
  quantities: Map<string, Map<DriverKind, number>>,
  model: DistributedModel,
  weights: Partial<Record<DriverKind, number>>,
): ModelBasis {
  const counted = countedKinds(model, weights);
  const departments: DepartmentUnits[] = [];
  let totalMicro = 0n;
  for (const departmentId of [...quantities.keys()].sort(compareCodeUnits)) {
    const byKind = quantities.get(departmentId) ?? new Map<DriverKind, number>();
    const drivers = counted.flatMap(({ kind, weight }) => {
      const quantity = byKind.get(kind);
      return quantity === undefined ? [] : [{ kind, quantity, weight }];
    });
    const micro = toMicro(drivers.reduce((sum, { quantity, weight }) => sum + quantity * weight, 0));
    if (micro === 0n) continue;
    for (const driver of drivers) Object.freeze(driver);
    departments.push({
      departmentId,
      drivers: Object.freeze(drivers) as ChargeLine['drivers'],
      micro,
      units: Number(micro) / MICRO,
    });
    totalMicro += micro;
  }
  return { departments, totalMicro };
}

/** The model's kinds with their weights, in DRIVER_KINDS order; weights must be finite and ≥ 0. */
function countedKinds(model: DistributedModel, weights: Partial<Record<DriverKind, number>>) {
  return DRIVER_KINDS.flatMap((kind) => {
    const weight = weights[kind];
    if (weight === undefined) return [];
    if (!Number.isFinite(weight) || weight < 0) {
      throw new RangeError(`Model ${model}: the weight of ${kind} must be finite and ≥ 0, not ${weight}`);
    }
    return [{ kind, weight }];
  });
}

function toMicro(units: number): bigint {
  const scaled = Math.round(units * MICRO);
  if (!Number.isFinite(scaled)) throw new RangeError(`Weighted units out of range: ${units}`);
  return BigInt(scaled);
}

/**
 * One part over the departments in proportion to their units: floor(part·u/T) each, then the
 * leftover öre (fewer than the departments) one each to the largest remainders, ties by id.
 */
function distributePart(
  poolId: string,
  model: DistributedModel,
  part: bigint,
  basis: ModelBasis,
): ChargeLine[] {
  const { departments, totalMicro } = basis;
  if (totalMicro === 0n) throw new AllocationError('driver_sum_zero', poolId, model);
  const floors: bigint[] = [];
  const remainders: bigint[] = [];
  let floorSum = 0n;
  for (const { micro } of departments) {
    const product = part * micro;
    const floor = product / totalMicro;
    floors.push(floor);
    remainders.push(product - floor * totalMicro);
    floorSum += floor;
  }
  const leftover = Number(part - floorSum);
  // Departments are in id order and the sort is stable, so equal remainders stay in id order.
  const order = remainders.map((_, index) => index).sort((a, b) => compareBigDescending(remainders, a, b));
  const rounding = new Uint8Array(departments.length);
  for (const index of order.slice(0, leftover)) rounding[index] = 1;
  const totalUnits = Number(totalMicro) / MICRO;
  const rateOre = Number(part) / totalUnits;
  return departments.map((department, index) => ({
    departmentId: department.departmentId,
    poolId,
    model,
    drivers: department.drivers,
    units: department.units,
    totalUnits,
    rateOre,
    amountOre: Number(floors[index] ?? 0n) + (rounding[index] ?? 0),
    roundingOre: rounding[index] ?? 0,
  }));
}

function compareBigDescending(values: bigint[], a: number, b: number): number {
  const left = values[a] ?? 0n;
  const right = values[b] ?? 0n;
  return left === right ? 0 : left > right ? -1 : 1;
}

function comparePartsForLines(
  a: { poolId: string; model: number },
  b: { poolId: string; model: number },
): number {
  return compareCodeUnits(a.poolId, b.poolId) || a.model - b.model;
}

/** Plain UTF-16 code-unit order: the same everywhere, unlike localeCompare. */
function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function floorDivide(numerator: bigint, denominator: bigint): bigint {
  const quotient = numerator / denominator;
  return numerator % denominator !== 0n && numerator < 0n !== denominator < 0n ? quotient - 1n : quotient;
}
