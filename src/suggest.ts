import { closest, distance } from 'fastest-levenshtein'

/**
 * The one of `known` that `name` is most likely a misspelling of: the
 * nearest by edit distance, if at most `edits` away; by default a third of
 * its length (two at least), so `Bussines` finds `Business` but `Sport` does
 * not find `World`. Every "did you mean" wirefeed says comes from here.
 */
export function nearestName(name: string, known: readonly string[], edits = Math.max(2, Math.floor(name.length / 3))): string | undefined {
  const candidate = known.length > 0 ? closest(name, [...known]) : undefined
  return candidate !== undefined && distance(name, candidate) <= edits ? candidate : undefined
}
