import { z } from 'zod';

/**
 * The keys an object schema accepts at a path (array indexes skipped), for "did you mean" hints.
 * Walks through optional, default, union and array wrappers.
 */
export function knownKeys(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let current: z.ZodType | undefined = schema;
  for (const segment of path) {
    current = unwrap(current);
    if (current instanceof z.ZodArray) current = unwrap(current.element as z.ZodType);
    if (typeof segment === 'number') continue;
    current = current instanceof z.ZodObject ? (current.shape[String(segment)] as z.ZodType | undefined) : undefined;
    if (!current) return [];
  }
  const target = unwrap(current);
  if (target instanceof z.ZodObject) return Object.keys(target.shape);
  if (target instanceof z.ZodArray) return knownKeys(target.element as z.ZodType, []);
  return [];
}

function unwrap(schema: z.ZodType | undefined): z.ZodType | undefined {
  let current = schema;
  while (current) {
    if (current instanceof z.ZodOptional || current instanceof z.ZodDefault || current instanceof z.ZodNullable) {
      current = current.unwrap() as z.ZodType;
    } else if (current instanceof z.ZodUnion) {
      current = (current.options as z.ZodType[]).find((option) => unwrap(option) instanceof z.ZodObject);
    } else if (current instanceof z.ZodPipe) {
      current = current.in as z.ZodType;
    } else return current;
  }
  return current;
}
