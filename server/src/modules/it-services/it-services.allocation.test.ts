import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AllocationError,
  type AllocationInput,
  type AllocationPool,
  allocate,
  DEFAULT_MODEL_WEIGHTS,
  DISTRIBUTION_MODELS,
  type DistributionModel,
  DRIVER_KINDS,
  type DriverKind,
  type DriverRow,
  type ModelWeights,
  monthlyPortion,
  splitPool,
} from './it-services.allocation.ts';

const row = (departmentId: string, kind: DriverKind, quantity: number): DriverRow => ({
  departmentId,
  kind,
  quantity,
});

function allocationError(run: () => unknown): AllocationError {
  try {
    run();
  } catch (error) {
    if (error instanceof AllocationError) return error;
    throw error;
  }
  throw new Error('expected an AllocationError');
}

describe('MOL appendix 8.2 worked examples', () => {
  // Education has many systems and the pupils' 1-to-1 computers; a pupil's computer counts 0.4.
  const drivers = [
    row('utbildning', 'systemGold', 2),
    row('utbildning', 'systemBronze', 3),
    row('utbildning', 'computerStaff', 100),
    row('utbildning', 'computerPupil', 1000),
    row('social', 'systemGold', 1),
    row('social', 'systemSilver', 2),
    row('social', 'computerStaff', 300),
    row('teknik', 'systemCopper', 2),
    row('teknik', 'computerStaff', 200),
  ];
  const infrastructure: AllocationPool = {
    id: 'drift-infrastruktur-och-natverk',
    amountOre: 100_000_000, // 1 000 000 kr
    models: [
      { model: 2, shareBasisPoints: 5000 },
      { model: 3, shareBasisPoints: 5000 },
    ],
  };

  it('splits "Drift – infrastruktur och nätverk" half per system by tier, half per computer', () => {
    const result = allocate({ pools: [infrastructure], drivers, weights: DEFAULT_MODEL_WEIGHTS });
    expect(result.parts).toEqual([
      { poolId: infrastructure.id, model: 2, amountOre: 50_000_000 },
      { poolId: infrastructure.id, model: 3, amountOre: 50_000_000 },
    ]);
    expect(result.retained).toEqual([]);
    const charged = result.lines.map(({ model, departmentId, units, amountOre }) => [
      model,
      departmentId,
      units,
      amountOre,
    ]);
    // Systems: 2·8 + 3·2 = 22, 8 + 2·4 = 16, 2·1 = 2 of 40. Computers: 100 + 1000·0.4 = 500, 300, 200 of 1000.
    expect(charged).toEqual([
      [2, 'social', 16, 20_000_000],
      [2, 'teknik', 2, 2_500_000],
      [2, 'utbildning', 22, 27_500_000],
      [3, 'social', 300, 15_000_000],
      [3, 'teknik', 200, 10_000_000],
      [3, 'utbildning', 500, 25_000_000],
    ]);
  });

  it('explains a line by its drivers, weights and rate', () => {
    const result = allocate({ pools: [infrastructure], drivers, weights: DEFAULT_MODEL_WEIGHTS });
    const line = result.lines.find((each) => each.model === 3 && each.departmentId === 'utbildning');
    expect(line).toEqual({
      departmentId: 'utbildning',
      poolId: infrastructure.id,
      model: 3,
      drivers: [
        { kind: 'computerStaff', quantity: 100, weight: 1 },
        { kind: 'computerPupil', quantity: 1000, weight: 0.4 },
      ],
      units: 500,
      totalUnits: 1000,
      rateOre: 50_000,
      amountOre: 25_000_000,
      roundingOre: 0,
    });
  });

  it("keeps IT's own budget (model 1) with IT and distributes the rest", () => {
    const pool: AllocationPool = {
      id: 'it-stab',
      amountOre: 1_000_001,
      models: [
        { model: 1, shareBasisPoints: 6000 },
        { model: 4, shareBasisPoints: 4000 },
      ],
    };
    const result = allocate({
      pools: [pool],
      drivers: [row('a', 'user', 1), row('b', 'user', 3)],
      weights: DEFAULT_MODEL_WEIGHTS,
    });
    // 600 000.6 and 400 000.4: the one öre left goes to the larger remainder, model 1.
    expect(result.parts.map(({ amountOre }) => amountOre)).toEqual([600_001, 400_000]);
    expect(result.retained).toEqual([{ poolId: 'it-stab', amountOre: 600_001 }]);
    expect(result.lines.map(({ departmentId, amountOre }) => [departmentId, amountOre])).toEqual([
      ['a', 100_000],
      ['b', 300_000],
    ]);
  });
});

describe('rounding to whole öre', () => {
  it('gives the leftover öre of a three-way tie to the lowest department id', () => {
    const result = allocate({
      pools: [{ id: 'p', amountOre: 100, models: [{ model: 4, shareBasisPoints: 10_000 }] }],
      drivers: [row('c', 'user', 1), row('a', 'user', 1), row('b', 'user', 1)],
      weights: DEFAULT_MODEL_WEIGHTS,
    });
    expect(
      result.lines.map(({ departmentId, amountOre, roundingOre }) => [departmentId, amountOre, roundingOre]),
    ).toEqual([
      ['a', 34, 1],
      ['b', 33, 0],
      ['c', 33, 0],
    ]);
  });

  it('counts 3 pupil computers at 0.4 as exactly 1.2 units, so floating-point noise cannot break a tie', () => {
    const result = allocate({
      pools: [{ id: 'p', amountOre: 1, models: [{ model: 3, shareBasisPoints: 10_000 }] }],
      drivers: [row('b', 'computerPupil', 3), row('a', 'computerStaff', 1.2)],
      weights: DEFAULT_MODEL_WEIGHTS,
    });
    expect(
      result.lines.map(({ departmentId, units, amountOre }) => [departmentId, units, amountOre]),
    ).toEqual([
      ['a', 1.2, 1],
      ['b', 1.2, 0],
    ]);
  });

  it('splits a pool over its models by largest remainder, ties to the model listed first', () => {
    const parts = (amountOre: number, models: AllocationPool['models']) =>
      splitPool({ id: 'p', amountOre, models }).map((part) => part.amountOre);
    const thirds: AllocationPool['models'] = [
      { model: 1, shareBasisPoints: 3333 },
      { model: 4, shareBasisPoints: 3333 },
      { model: 6, shareBasisPoints: 3334 },
    ];
    expect(parts(10, thirds)).toEqual([3, 3, 4]);
    const halves: AllocationPool['models'] = [
      { model: 4, shareBasisPoints: 5000 },
      { model: 1, shareBasisPoints: 5000 },
    ];
    expect(parts(1, halves)).toEqual([1, 0]);
    expect(parts(Number.MAX_SAFE_INTEGER, halves)).toEqual([4_503_599_627_370_496, 4_503_599_627_370_495]);
  });

  it('leaves departments without units out', () => {
    const result = allocate({
      pools: [{ id: 'p', amountOre: 10, models: [{ model: 5, shareBasisPoints: 10_000 }] }],
      drivers: [row('a', 'connection', 0), row('b', 'connection', 2), row('c', 'user', 7)],
      weights: DEFAULT_MODEL_WEIGHTS,
    });
    expect(result.lines.map(({ departmentId }) => departmentId)).toEqual(['b']);
  });
});

describe('errors', () => {
  const weights = DEFAULT_MODEL_WEIGHTS;

  it('throws driver_sum_zero for a positive part no department has drivers for', () => {
    const error = allocationError(() =>
      allocate({
        pools: [{ id: 'nat', amountOre: 500, models: [{ model: 5, shareBasisPoints: 10_000 }] }],
        drivers: [row('a', 'user', 4)],
        weights,
      }),
    );
    expect([error.code, error.poolId, error.model]).toEqual(['driver_sum_zero', 'nat', 5]);
  });

  it('accepts a part of 0 öre without drivers', () => {
    const result = allocate({
      pools: [
        { id: 'empty', amountOre: 0, models: [{ model: 6, shareBasisPoints: 10_000 }] },
        {
          id: 'tiny',
          amountOre: 1,
          models: [
            { model: 4, shareBasisPoints: 5000 },
            { model: 6, shareBasisPoints: 5000 },
          ],
        },
      ],
      drivers: [row('a', 'user', 4)],
      weights,
    });
    expect(result.lines.map(({ poolId, model, amountOre }) => [poolId, model, amountOre])).toEqual([
      ['tiny', 4, 1],
    ]);
  });

  it.each<[string, AllocationPool[]]>([
    [
      'shares not summing to 10 000',
      [{ id: 'p', amountOre: 1, models: [{ model: 4, shareBasisPoints: 9999 }] }],
    ],
    [
      'a model listed twice',
      [
        {
          id: 'p',
          amountOre: 1,
          models: [
            { model: 4, shareBasisPoints: 5000 },
            { model: 4, shareBasisPoints: 5000 },
          ],
        },
      ],
    ],
    [
      'a share of 0',
      [
        {
          id: 'p',
          amountOre: 1,
          models: [
            { model: 4, shareBasisPoints: 10_000 },
            { model: 5, shareBasisPoints: 0 },
          ],
        },
      ],
    ],
    ['a fractional share', [{ id: 'p', amountOre: 1, models: [{ model: 4, shareBasisPoints: 10_000.5 }] }]],
    ['no models', [{ id: 'p', amountOre: 1, models: [] }]],
    [
      'an unknown model',
      [{ id: 'p', amountOre: 1, models: [{ model: 7 as DistributionModel, shareBasisPoints: 10_000 }] }],
    ],
    ['a negative amount', [{ id: 'p', amountOre: -1, models: [{ model: 4, shareBasisPoints: 10_000 }] }]],
    ['a fractional amount', [{ id: 'p', amountOre: 1.5, models: [{ model: 4, shareBasisPoints: 10_000 }] }]],
    [
      'two pools with one id',
      [
        { id: 'p', amountOre: 1, models: [{ model: 4, shareBasisPoints: 10_000 }] },
        { id: 'p', amountOre: 1, models: [{ model: 4, shareBasisPoints: 10_000 }] },
      ],
    ],
  ])('throws invalid_pool for %s', (_, pools) => {
    const error = allocationError(() => allocate({ pools, drivers: [row('a', 'user', 1)], weights }));
    expect([error.code, error.poolId]).toEqual(['invalid_pool', 'p']);
  });

  it('refuses negative or non-finite driver quantities and weights', () => {
    const pools: AllocationPool[] = [
      { id: 'p', amountOre: 1, models: [{ model: 4, shareBasisPoints: 10_000 }] },
    ];
    expect(() => allocate({ pools, drivers: [row('a', 'user', -1)], weights })).toThrow(RangeError);
    expect(() => allocate({ pools, drivers: [row('a', 'user', Number.NaN)], weights })).toThrow(RangeError);
    expect(() =>
      allocate({ pools, drivers: [row('a', 'user', 1)], weights: { ...weights, 4: { user: -1 } } }),
    ).toThrow(RangeError);
  });
});

describe('monthlyPortion', () => {
  it('spreads 1 000 öre so that the months differ by at most one öre', () => {
    const months = Array.from({ length: 12 }, (_, index) => monthlyPortion(1000, index + 1));
    expect(months).toEqual([83, 83, 84, 83, 83, 84, 83, 83, 84, 83, 83, 84]);
  });

  it('sums to the year over twelve months, for any amount', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), (annual) => {
        let sum = 0n;
        for (let month = 1; month <= 12; month++) sum += BigInt(monthlyPortion(annual, month));
        expect(sum).toBe(BigInt(annual));
      }),
    );
  });

  it('refuses a thirteenth month and fractional öre', () => {
    expect(() => monthlyPortion(1000, 13)).toThrow(RangeError);
    expect(() => monthlyPortion(10.5, 1)).toThrow(RangeError);
  });
});

// ---- properties ----

const departmentIds = ['a', 'B', 'b', 'Ä', 'ö', 'skola-1', 'skola-10', 'skola-2'];
const distributed = DISTRIBUTION_MODELS.filter((model) => model !== 1);

/** Integer counts, or day-weighted fractions (an order that ran k days of 365). */
const quantity = fc.oneof(
  fc.integer({ min: 0, max: 2000 }),
  fc.integer({ min: 0, max: 365 * 50 }).map((days) => days / 365),
);
const driverRow = fc.record({
  departmentId: fc.constantFrom(...departmentIds),
  kind: fc.constantFrom(...DRIVER_KINDS),
  quantity,
});

/** Distinct models with basis-point shares cut from 10 000 at distinct points. */
const poolModels = fc.shuffledSubarray([...DISTRIBUTION_MODELS], { minLength: 1 }).chain((models) =>
  fc
    .uniqueArray(fc.integer({ min: 1, max: 9999 }), {
      minLength: models.length - 1,
      maxLength: models.length - 1,
    })
    .map((cuts) => {
      const points = [0, ...cuts.sort((a, b) => a - b), 10_000];
      return models.map((model, index) => ({
        model,
        shareBasisPoints: (points[index + 1] ?? 0) - (points[index] ?? 0),
      }));
    }),
);
const amount = fc.oneof(
  fc.integer({ min: 0, max: 1000 }),
  fc.integer({ min: 0, max: 1e12 }),
  fc.maxSafeNat(),
);
const pools = fc
  .uniqueArray(fc.string({ minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 5 })
  .chain((ids) =>
    fc.tuple(...ids.map((id) => fc.record({ id: fc.constant(id), amountOre: amount, models: poolModels }))),
  );

const weightValue = fc.constantFrom(0, 0.4, 1, 2, 4, 8);
const weights: fc.Arbitrary<ModelWeights> = fc.record({
  2: fc.record({
    systemGold: weightValue,
    systemSilver: weightValue,
    systemBronze: weightValue,
    systemCopper: weightValue,
  }),
  3: fc.record({ computerStaff: weightValue, computerPupil: weightValue }),
  4: fc.record({ user: weightValue }),
  5: fc.record({ connection: weightValue }),
  6: fc.record({ projectDemand: weightValue }),
});

/** Every kind present for some department, so every model with a positive weight has units. */
const coveringDrivers = fc
  .tuple(
    fc.array(driverRow, { maxLength: 40 }),
    fc.tuple(
      ...DRIVER_KINDS.map((kind) =>
        fc.record({
          departmentId: fc.constantFrom(...departmentIds),
          kind: fc.constant(kind),
          quantity: fc.integer({ min: 1, max: 50 }),
        }),
      ),
    ),
  )
  .map(([rows, covering]) => [...rows, ...covering]);

/** Weights that give every kind a positive weight under a model that counts it. */
const positiveWeights = weights.map((each) => {
  const copy = structuredClone(each);
  for (const model of distributed) {
    const kinds = copy[model];
    for (const kind of Object.keys(kinds) as DriverKind[]) kinds[kind] = (kinds[kind] ?? 0) || 1;
  }
  return copy;
});

const validInput: fc.Arbitrary<AllocationInput> = fc.record({
  pools,
  drivers: coveringDrivers,
  weights: fc.oneof(positiveWeights, fc.constant(DEFAULT_MODEL_WEIGHTS)),
});

/** The oracle for driver_sum_zero: no row of a positively weighted kind with a positive quantity. */
function hasUnits(input: AllocationInput, model: Exclude<DistributionModel, 1>): boolean {
  const modelWeights = input.weights[model];
  return input.drivers.some(({ kind, quantity }) => quantity > 0 && (modelWeights[kind] ?? 0) > 0);
}

describe('properties', () => {
  it('preserves every pool to the öre, never charges a negative amount, and stays within 1 öre of the exact share', () => {
    fc.assert(
      fc.property(validInput, (input) => {
        const result = allocate(input);
        for (const pool of input.pools) {
          const parts = result.parts.filter((part) => part.poolId === pool.id);
          expect(parts.map((part) => part.model)).toEqual(pool.models.map((each) => each.model));
          expect(sumBig(parts.map((part) => part.amountOre))).toBe(BigInt(pool.amountOre));
          for (const part of parts) {
            if (part.model === 1) continue;
            const lines = result.lines.filter((line) => line.poolId === pool.id && line.model === part.model);
            expect(sumBig(lines.map((line) => line.amountOre))).toBe(BigInt(part.amountOre));
            for (const line of lines) {
              const exact = (part.amountOre * line.units) / line.totalUnits;
              expect(line.amountOre).toBeGreaterThanOrEqual(0);
              expect([0, 1]).toContain(line.roundingOre);
              expect(Math.abs(line.amountOre - exact)).toBeLessThanOrEqual(1 + exact * 1e-12);
            }
          }
        }
      }),
    );
  });

  it('gives the same output for the same input in any row order', () => {
    const shuffled = validInput.chain((input) =>
      fc.tuple(
        fc.constant(input),
        fc.shuffledSubarray(input.drivers, {
          minLength: input.drivers.length,
          maxLength: input.drivers.length,
        }),
      ),
    );
    fc.assert(
      fc.property(shuffled, ([input, drivers]) => {
        expect(allocate({ ...input, drivers })).toEqual(allocate(input));
      }),
    );
  });

  it('sorts the lines by pool, model and department in code-unit order', () => {
    fc.assert(
      fc.property(validInput, (input) => {
        const keys = allocate(input).lines.map(
          (line) => [line.poolId, line.model, line.departmentId] as const,
        );
        const sorted = [...keys].sort(
          (a, b) => codeUnits(a[0], b[0]) || a[1] - b[1] || codeUnits(a[2], b[2]),
        );
        expect(keys).toEqual(sorted);
      }),
    );
  });

  it('throws driver_sum_zero exactly when a positive part has zero total units', () => {
    const sparse = fc.record({ pools, drivers: fc.array(driverRow, { maxLength: 6 }), weights });
    fc.assert(
      fc.property(sparse, (input) => {
        const starved = input.pools
          .flatMap((pool) => splitPool(pool))
          .find((part) => part.model !== 1 && part.amountOre > 0 && !hasUnits(input, part.model));
        if (starved) {
          const error = allocationError(() => allocate(input));
          expect(error.code).toBe('driver_sum_zero');
        } else {
          expect(() => allocate(input)).not.toThrow();
        }
      }),
    );
  });
});

describe('size', () => {
  it('allocates 50 pools over 300 departments from 10 000 driver rows, preserving the totals', () => {
    const random = seededRandom(8_2);
    const departments = Array.from({ length: 300 }, (_, index) => `forv-${String(index).padStart(3, '0')}`);
    const drivers: DriverRow[] = Array.from({ length: 10_000 }, (_, index) => ({
      departmentId: departments[index % 300] ?? 'forv-000',
      kind: DRIVER_KINDS[Math.floor(random() * DRIVER_KINDS.length)] ?? 'user',
      quantity: Math.floor(random() * 36_500) / 365,
    }));
    const poolList: AllocationPool[] = Array.from({ length: 50 }, (_, index) => ({
      id: `pool-${index}`,
      amountOre: Math.floor(random() * 5e9),
      models: [
        { model: distributed[index % 5] ?? 2, shareBasisPoints: 5000 },
        { model: distributed[(index + 1) % 5] ?? 3, shareBasisPoints: 3000 },
        { model: 1, shareBasisPoints: 2000 },
      ],
    }));
    const result = allocate({ pools: poolList, drivers, weights: DEFAULT_MODEL_WEIGHTS });
    const charged = sumBig(result.lines.map((line) => line.amountOre));
    const retained = sumBig(result.retained.map((each) => each.amountOre));
    expect(charged + retained).toBe(sumBig(poolList.map((pool) => pool.amountOre)));
    expect(result.lines.length).toBeGreaterThan(50 * 2 * 290);
  });
});

function sumBig(values: number[]): bigint {
  return values.reduce((sum, value) => sum + BigInt(value), 0n);
}

function codeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A small deterministic generator (mulberry32), so the size test is the same every run. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
