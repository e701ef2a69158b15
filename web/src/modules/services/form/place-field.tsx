import { useState } from 'react';
import { useI18n } from '../../../lib/i18n.tsx';
import { Button } from '../../../ui/button.tsx';
import { TextField } from '../../../ui/text-field.tsx';
import { FieldSet } from './field-frame.tsx';
import { swerefFromWgs84 } from './sweref.ts';

/** A point as a form's schema holds it: WGS 84 degrees, or SWEREF 99 TM metres. */
type PointSystem = 'wgs84' | 'sweref99tm';

/**
 * How a form's schema holds a place: a plain description (a string), or an object with a
 * description and, optionally, a point — `latitude`/`longitude` (WGS 84) or `northing`/`easting`
 * (SWEREF 99 TM) — beside the description or in an object of its own (e.g. `coordinates`).
 */
export type PlaceShape =
  | { kind: 'text' }
  | { kind: 'object'; descriptionKey: string; point: { system: PointSystem; key: string | null } | null };

function propertiesOf(schema: Record<string, unknown> | undefined): Record<string, Record<string, unknown>> {
  const properties = schema?.properties;
  return typeof properties === 'object' && properties !== null
    ? (properties as Record<string, Record<string, unknown>>)
    : {};
}

function pointSystemOf(schema: Record<string, unknown> | undefined): PointSystem | null {
  const properties = propertiesOf(schema);
  if ('latitude' in properties && 'longitude' in properties) return 'wgs84';
  if ('northing' in properties && 'easting' in properties) return 'sweref99tm';
  return null;
}

/** Read the place's shape from its property schema. */
export function placeShape(schema: Record<string, unknown>): PlaceShape {
  if (schema.type !== 'object') return { kind: 'text' };
  const properties = propertiesOf(schema);
  const names = Object.keys(properties);
  const descriptionKey =
    ['description', 'text', 'address'].find((name) => name in properties) ??
    names.find((name) => properties[name]?.type === 'string') ??
    'description';
  const flat = pointSystemOf(schema);
  if (flat) return { kind: 'object', descriptionKey, point: { system: flat, key: null } };
  for (const name of names) {
    const system = pointSystemOf(properties[name]);
    if (system) return { kind: 'object', descriptionKey, point: { system, key: name } };
  }
  return { kind: 'object', descriptionKey, point: null };
}

type Point =
  | { system: 'wgs84'; latitude: number; longitude: number }
  | { system: 'sweref99tm'; northing: number; easting: number };

function readPlace(shape: PlaceShape, value: unknown): { description: string; point: Point | null } {
  if (shape.kind === 'text') return { description: typeof value === 'string' ? value : '', point: null };
  const record = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  const description =
    typeof record[shape.descriptionKey] === 'string' ? (record[shape.descriptionKey] as string) : '';
  if (!shape.point) return { description, point: null };
  const holder = shape.point.key ? record[shape.point.key] : record;
  const at = typeof holder === 'object' && holder !== null ? (holder as Record<string, unknown>) : {};
  if (shape.point.system === 'wgs84' && typeof at.latitude === 'number' && typeof at.longitude === 'number') {
    return { description, point: { system: 'wgs84', latitude: at.latitude, longitude: at.longitude } };
  }
  if (
    shape.point.system === 'sweref99tm' &&
    typeof at.northing === 'number' &&
    typeof at.easting === 'number'
  ) {
    return { description, point: { system: 'sweref99tm', northing: at.northing, easting: at.easting } };
  }
  return { description, point: null };
}

/** The device's position (WGS 84) in the system the schema asks for. */
function pointFromPosition(shape: PlaceShape, latitude: number, longitude: number): Point | null {
  if (shape.kind === 'text' || !shape.point) return null;
  if (shape.point.system === 'wgs84') {
    return {
      system: 'wgs84',
      latitude: Number(latitude.toFixed(6)),
      longitude: Number(longitude.toFixed(6)),
    };
  }
  return { system: 'sweref99tm', ...swerefFromWgs84(latitude, longitude) };
}

function writePlace(shape: PlaceShape, description: string, point: Point | null): unknown {
  if (shape.kind === 'text') return description;
  const value: Record<string, unknown> = { [shape.descriptionKey]: description };
  if (point && shape.point) {
    const { system: _system, ...numbers } = point;
    if (shape.point.key) value[shape.point.key] = numbers;
    else Object.assign(value, numbers);
  }
  return value;
}

/** A point as people can check it: `N 59,3293°, E 18,0686°` or `N 6 580 743, E 674 572 (SWEREF 99 TM)`. */
export function formatPoint(point: Point, locale: string): string {
  if (point.system === 'wgs84') {
    const degrees = new Intl.NumberFormat(locale, { maximumFractionDigits: 5 });
    return `N ${degrees.format(point.latitude)}°, E ${degrees.format(point.longitude)}°`;
  }
  const metres = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  return `N ${metres.format(point.northing)}, E ${metres.format(point.easting)} (SWEREF 99 TM)`;
}

/** A place as the review page and Mina sidor show it: the description, and the point if any. */
export function describePlace(shape: PlaceShape, value: unknown, locale: string): string {
  const { description, point } = readPlace(shape, value);
  if (!point) return description;
  const where = formatPoint(point, locale);
  return description ? `${description} (${where})` : where;
}

interface PlaceFieldProps {
  id: string;
  label: string;
  help?: string | null;
  error?: string | null;
  schema: Record<string, unknown>;
  value: unknown;
  onChange: (value: unknown) => void;
}

/**
 * A place: described in words (always possible, and what a screen reader user will do), and when
 * the form takes a point, the device's position at the press of a button. A map to point at comes
 * later (J5); the words are enough for the officer to find the place.
 */
export function PlaceField({ id, label, help, error, schema, value, onChange }: PlaceFieldProps) {
  const { t, locale } = useI18n();
  const m = t.services.fields;
  const shape = placeShape(schema);
  const { description, point } = readPlace(shape, value);
  const [locating, setLocating] = useState(false);
  const [positionFailed, setPositionFailed] = useState(false);

  const locate = () => {
    if (!('geolocation' in navigator)) {
      setPositionFailed(true);
      return;
    }
    setLocating(true);
    setPositionFailed(false);
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setLocating(false);
        onChange(
          writePlace(
            shape,
            description,
            pointFromPosition(shape, position.coords.latitude, position.coords.longitude),
          ),
        );
      },
      () => {
        setLocating(false);
        setPositionFailed(true);
      },
      { enableHighAccuracy: true, timeout: 15_000 },
    );
  };

  if (shape.kind === 'text' || !shape.point) {
    return (
      <TextField
        id={id}
        label={label}
        description={help ?? m.placeDescriptionHelp}
        value={description}
        onChange={(text) => onChange(writePlace(shape, text, point))}
        errorMessage={error}
        multiline
      />
    );
  }

  return (
    <FieldSet id={`${id}-group`} legend={label} help={help} error={error} className="place-field">
      <div className="form">
        <TextField
          id={id}
          label={m.placeDescription}
          description={m.placeDescriptionHelp}
          value={description}
          onChange={(text) => onChange(writePlace(shape, text, point))}
          multiline
        />
        <div className="field">
          <span className="field-label">{m.placePosition}</span>
          <span className="field-description">{m.placePositionOptional}</span>
          {point && <p className="place-point">{m.placePositionSet(formatPoint(point, locale))}</p>}
          <div className="button-row">
            {/* No React Aria pending state: its announcement outlives the step the button is on. */}
            <Button size="small" onPress={() => !locating && locate()}>
              {locating ? m.placeLocating : m.placeUseMyPosition}
            </Button>
            {point && (
              <Button
                size="small"
                variant="quiet"
                onPress={() => onChange(writePlace(shape, description, null))}
              >
                {m.placeRemovePosition}
              </Button>
            )}
          </div>
          <p role="status" className={positionFailed ? 'field-error' : 'visually-hidden'}>
            {positionFailed ? m.placePositionFailed : ''}
          </p>
        </div>
      </div>
    </FieldSet>
  );
}
