const STABLE = new WeakSet<object>();

/**
 * Marks a query DTO whose validated form follows from the query string alone: the validation pipe may then
 * answer a repeated query string with the instance it validated before. A query DTO without the mark is
 * validated on every request. Defaults, and anything else read from the clock, belong in the service, after
 * validation: a marked DTO whose fresh instance already holds a value (a field initialiser such as
 * `dueBefore = new Date()`) is refused when first used, so no "now" can be kept for later requests.
 */
export const StableQuery = (): ClassDecorator => (target) => {
  STABLE.add(target);
};

/** Whether validated instances of `dto` may be kept; throws for a marked DTO that fills in values itself. */
export function isStableQuery(dto: unknown): boolean {
  if (typeof dto !== 'function' || !STABLE.has(dto)) return false;
  // Declared fields exist on a fresh instance as `undefined`; only a value set by the class itself counts.
  const fresh = new (dto as new () => object)();
  const defaults = Object.entries(fresh)
    .filter(([, value]) => value !== undefined)
    .map(([key]) => key);
  if (defaults.length > 0) {
    throw new Error(
      `${dto.name} is marked @StableQuery() but sets ${defaults.join(', ')} itself: apply defaults in the service`,
    );
  }
  return true;
}
