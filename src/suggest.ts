import { closest, distance } from 'fastest-levenshtein'

/**
 * The one of `known` that `name` is most likely a misspelling of: the
 * nearest by edit distance, if within a third of its length (two edits at
 * least), so `Bussines` finds `Business` but `Sport` does not find `World`.
 * For "did you mean" in messages.
 */
export function nearestName(name: string, known: readonly string[]): string | undefined {
  const candidate = known.length > 0 ? closest(name, [...known]) : undefined
  return candidate !== undefined && distance(name, candidate) <= Math.max(2, Math.floor(name.length / 3)) ? candidate : undefined
}
