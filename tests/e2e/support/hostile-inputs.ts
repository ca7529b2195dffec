/**
 * fast-check arbitraries for the variables of a GraphQL operation, derived from the schema: each
 * value is plausible (so calls get past type coercion into the services), hostile for its type
 * (injection payloads, huge strings, unicode, out-of-range numbers) or of the wrong JSON type, and
 * input objects may miss required fields or carry unknown ones.
 */
import fc from 'fast-check';
import {
  GraphQLInputType,
  GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  OperationDefinitionNode,
  typeFromAST,
} from 'graphql';

/** Real record IDs by kind (`member`, `dealership`, `card`, …), grown as calls create records. */
export type IdPool = Map<string, Set<string>>;

const PAYLOADS = [
  "' OR '1'='1",
  "1; DROP TABLE member; --",
  '" OR ""="',
  "' UNION SELECT password_hash FROM staff_user --",
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(document.cookie)>',
  '${7*7}{{7*7}}',
  '../../../../etc/passwd',
  '=HYPERLINK("http://x")',
  'a\u0000b',
  '\u202Eevil\u202C',
  'مرحبا بالعالم',
  '🚗💥👨‍👩‍👧‍👦',
  '𠜎𠜱𠝹',
  'Ｆｕｌｌｗｉｄｔｈ',
  '',
  '   ',
  '\n\t\r',
  'null',
  'NaN',
  'Infinity',
  '-1',
  '1e309',
  '0x7fffffff',
  '9'.repeat(40),
];

const HUGE = 'x'.repeat(100_000);

const hostileString = fc.oneof(
  fc.constantFrom(...PAYLOADS),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constant(HUGE),
  fc.constant('测'.repeat(70_000)),
);

const hostileNumber = fc.oneof(
  fc.constantFrom(-1, 0, -0, 0.5, -0.0001, 2 ** 31, -(2 ** 31) - 1, 2 ** 53 + 2, -(2 ** 63), 1e308, -1e308, Number.MIN_VALUE),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom('NaN', 'Infinity', '-Infinity', '1e400', '12abc'),
);

const wrongType = fc.oneof(
  fc.boolean(),
  fc.constant(null),
  fc.constant({}),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 2 }),
  hostileNumber,
  hostileString,
);

const hostileDate = fc.oneof(
  fc.constantFrom('2026-02-30', '0000-00-00', '9999-12-31', '1900-01-01', '2026-13-01', '20260101', 'yesterday', '2026-01-01T00:00:00Z'),
  hostileString,
);
const hostileDateTime = fc.oneof(
  fc.constantFrom('2026-02-30T10:00:00Z', '0001-01-01T00:00:00Z', '9999-12-31T23:59:59Z', '2026-01-01', '1970-01-01T00:00:00+14:00', 'now'),
  hostileNumber,
  hostileString,
);

/** ID arguments named after a role rather than the record kind they refer to. */
const ROLE_KINDS: Record<string, string> = {
  referrer: 'member',
  referred: 'member',
  homeDealership: 'dealership',
  eligibleTier: 'tier',
  assignee: 'staffUser',
  assignedTo: 'staffUser',
  participant: 'participation',
};

/** The kind of record a name refers to: `memberId` → `member`, `homeDealershipId` → `dealership`. */
export function kindOf(name: string): string {
  const stem = name.replace(/Ids?$/, '');
  return ROLE_KINDS[stem] ?? stem.charAt(0).toLowerCase() + stem.slice(1);
}

/** The record kind a mutation works on, from its name (`reportCardLost` → `card`), among the known kinds. */
export function rootKindOf(fieldName: string, pool: IdPool): string | undefined {
  const name = fieldName.toLowerCase();
  const aliases = Object.entries(ROLE_KINDS).filter(([role]) => name.includes(role.toLowerCase())).map(([, kind]) => kind);
  const direct = [...pool.keys()].filter((kind) => name.includes(kind.toLowerCase()));
  return [...aliases, ...direct].sort((a, b) => b.length - a.length)[0];
}

function fromPool(pool: IdPool, kind: string | undefined): fc.Arbitrary<string> {
  const ids = [...(kind ? (pool.get(kind) ?? []) : [...pool.values()].flatMap((set) => [...set]))];
  const junk = fc.constantFrom('0', '-1', '01ARZ3NDEKTSV4RRFFQ69G5FAV', 'not-an-id', "1' OR '1'='1");
  return ids.length ? fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...ids) }, { weight: 1, arbitrary: junk }) : junk;
}

/** Believable values for a scalar, by its type and the field's name. */
function plausibleScalar(typeName: string, fieldName: string, pool: IdPool, rootKind: string | undefined): fc.Arbitrary<unknown> {
  switch (typeName) {
    case 'ID':
      return fromPool(pool, fieldName === 'id' ? rootKind : kindOf(fieldName));
    case 'Int':
      return /count|uses|capacity|mileage|points|score|satisfaction|quota/i.test(fieldName)
        ? fc.integer({ min: 0, max: 20_000 })
        : fc.integer({ min: 1, max: 100 });
    case 'Money':
      return fc.integer({ min: 1, max: 5_000_000 });
    case 'Float':
      return fc.double({ min: 0, max: 10, noNaN: true });
    case 'Boolean':
      return fc.boolean();
    case 'Date':
      return fc.date({ min: new Date('1950-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    case 'DateTime':
      return fc.date({ min: new Date('2024-01-01'), max: new Date('2028-12-31'), noInvalidDate: true }).map((d) => d.toISOString());
    case 'JSON':
      return fc.dictionary(fc.string({ maxLength: 8 }), fc.oneof(fc.integer(), fc.string({ maxLength: 8 })), { maxKeys: 3 });
    default:
      if (/phone/i.test(fieldName)) return fc.integer({ min: 0, max: 99_999_999 }).map((n) => `139${String(n).padStart(8, '0')}`);
      if (/^vin$/i.test(fieldName)) return fc.constantFrom('LSVAU2180N2183294', 'LFV2A21K6A3041427', 'IOQ00000000000000');
      if (/plate/i.test(fieldName)) return fc.constantFrom('沪A12345', '京B0000D', 'A12345');
      if (/idCard/i.test(fieldName)) return fc.constantFrom('11010519491231002X', '110105194912310021');
      if (/password/i.test(fieldName)) return fc.constantFrom('Passw0rd123', 'short');
      if (/code/i.test(fieldName)) return fc.constantFrom('123456', '000000', 'BENEFIT-CODE');
      return fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 });
  }
}

function hostileScalar(typeName: string): fc.Arbitrary<unknown> {
  if (typeName === 'Int' || typeName === 'Money' || typeName === 'Float') return hostileNumber;
  if (typeName === 'Date') return hostileDate;
  if (typeName === 'DateTime') return hostileDateTime;
  return hostileString;
}

interface Context {
  schema: GraphQLSchema;
  pool: IdPool;
  /** The record kind the operation's own `id` argument refers to. */
  rootKind: string | undefined;
  /** Share of values that are hostile or of the wrong type (0: all plausible). */
  hostility: number;
}

/** Any value for a GraphQL input type, mostly plausible, sometimes hostile or of the wrong type. */
function valueFor(type: GraphQLInputType, fieldName: string, ctx: Context, depth: number): fc.Arbitrary<unknown> {
  const nonNull = isNonNullType(type);
  const inner = nonNull ? type.ofType : type;
  let plausible: fc.Arbitrary<unknown>;
  let hostile: fc.Arbitrary<unknown>;
  if (isListType(inner)) {
    const item = valueFor(inner.ofType, fieldName, ctx, depth + 1);
    plausible = fc.array(item, { maxLength: 3 });
    hostile = fc.oneof(fc.array(item, { minLength: 200, maxLength: 400 }), item);
  } else if (isInputObjectType(inner)) {
    plausible = depth > 3 ? fc.constant({}) : inputObject(inner.getFields(), ctx, depth + 1);
    hostile = fc.oneof(fc.constant([]), fc.constant('{}'), fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'x'), fc.integer(), { maxKeys: 2 }));
  } else if (isEnumType(inner)) {
    plausible = fc.constantFrom(...inner.getValues().map((v) => v.name));
    hostile = fc.oneof(fc.constantFrom('ADMIN', 'lowercase', ''), hostileString);
  } else {
    plausible = plausibleScalar(inner.name, fieldName, ctx.pool, ctx.rootKind);
    hostile = hostileScalar(inner.name);
  }
  const bad = Math.round(ctx.hostility * 100);
  return fc.oneof(
    { weight: 100 - bad, arbitrary: plausible },
    { weight: Math.ceil((bad * 3) / 4), arbitrary: hostile },
    { weight: Math.floor(bad / 4), arbitrary: wrongType },
    { weight: nonNull ? 0 : 10, arbitrary: fc.constant(null) },
  );
}

function inputObject(fields: ReturnType<import('graphql').GraphQLInputObjectType['getFields']>, ctx: Context, depth: number) {
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  const required: string[] = [];
  for (const [name, field] of Object.entries(fields)) {
    model[name] = valueFor(field.type, name, ctx, depth);
    if (isNonNullType(field.type)) required.push(name);
  }
  const whole = fc.record(model, { requiredKeys: required });
  if (!ctx.hostility) return whole;
  const missingSome = fc.record(model, { requiredKeys: [] });
  const extra = fc.tuple(whole, fc.constantFrom('unknownField', 'id', 'balance', '__typename')).map(([value, key]) => ({ ...value, [key]: 1 }));
  return fc.oneof({ weight: 8, arbitrary: whole }, { weight: 1, arbitrary: missingSome }, { weight: 1, arbitrary: extra });
}

/**
 * Variables for an operation: a third of the calls wholly plausible (to reach the services' own
 * rules), the others with one value in ten or one in two hostile; sometimes a required variable is
 * left out or an unknown one added.
 */
export function variablesFor(operation: OperationDefinitionNode, schema: GraphQLSchema, pool: IdPool, rootKind: string | undefined) {
  return fc.oneof(...[0, 0.1, 0.5].map((hostility) => variablesAt(operation, { schema, pool, rootKind, hostility })));
}

function variablesAt(operation: OperationDefinitionNode, ctx: Context) {
  const { schema } = ctx;
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  const required: string[] = [];
  for (const definition of operation.variableDefinitions ?? []) {
    const type = typeFromAST(schema, definition.type as never) as GraphQLInputType | undefined;
    if (!type) throw new Error(`Unknown type of $${definition.variable.name.value}`);
    model[definition.variable.name.value] = valueFor(type, definition.variable.name.value, ctx, 0);
    if (isNonNullType(type)) required.push(definition.variable.name.value);
  }
  if (!ctx.hostility) return fc.record(model, { requiredKeys: required });
  return fc.oneof(
    { weight: 10, arbitrary: fc.record(model, { requiredKeys: required }) },
    { weight: 1, arbitrary: fc.record(model, { requiredKeys: [] }) },
    { weight: 1, arbitrary: fc.record(model, { requiredKeys: required }).map((v) => ({ ...v, unexpected: HUGE.slice(0, 10) })) },
  );
}
