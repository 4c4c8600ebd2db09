import assert from 'node:assert/strict'
import { test } from 'node:test'
import { calendarDate, calendarProblem, timePattern, toInstant } from '../src/dates.ts'

/** Each text's instant as ISO, read with the site in `timeZone`. */
function instants(texts: readonly string[], timeZone: string) {
  return texts.map((text) => [text, toInstant(text, timeZone).toISOString()])
}

test('reads every RFC 3339 form with an offset as the instant it names, whatever the site zone', () => {
  const cases: Array<[string, string]> = [
    ['2026-01-06T09:30:00+01:00', '2026-01-06T08:30:00.000Z'],
    ['2026-01-06t09:30:00z', '2026-01-06T09:30:00.000Z'],
    ['2026-01-06 09:30:00Z', '2026-01-06T09:30:00.000Z'],
    ['2026-01-06T09:30Z', '2026-01-06T09:30:00.000Z'],
    ['2026-01-06T09:30:00.5+05:30', '2026-01-06T04:00:00.500Z'],
    ['2026-01-06T09:30:00.123456789-00:00', '2026-01-06T09:30:00.123Z'],
    // Digits past the millisecond are cut, never rounded into the next second, or day.
    ['2026-12-31T23:59:59.9999Z', '2026-12-31T23:59:59.999Z'],
    ['2026-01-06T09:30:00+0100', '2026-01-06T08:30:00.000Z'],
    // Jekyll's form, Ruby's `Time#to_s`: a space, and an offset without a colon after another space.
    ['2013-09-14 20:46:50 -0400', '2013-09-15T00:46:50.000Z'],
    ['2026-01-06T00:30:00+14:00', '2026-01-05T10:30:00.000Z'],
  ]
  assert.deepEqual(instants(cases.map(([text]) => text), 'Europe/Kyiv'), cases)
  assert.deepEqual(instants(cases.map(([text]) => text), 'America/New_York'), cases)
})

test('reads a date, or a time without an offset, on the site clock, in winter and in summer', () => {
  assert.deepEqual(
    instants(['2026-01-06', '2026-07-06', '2026-01-06 09:30', '2026-07-06T09:30:15', '2026-07-06t09:30:15.25'], 'Europe/Kyiv'),
    [
      ['2026-01-06', '2026-01-05T22:00:00.000Z'],
      ['2026-07-06', '2026-07-05T21:00:00.000Z'],
      ['2026-01-06 09:30', '2026-01-06T07:30:00.000Z'],
      ['2026-07-06T09:30:15', '2026-07-06T06:30:15.000Z'],
      ['2026-07-06t09:30:15.25', '2026-07-06T06:30:15.250Z'],
    ],
  )
  assert.equal(toInstant('2026-07-06 09:30', 'UTC').toISOString(), '2026-07-06T09:30:00.000Z')
})

test('reads an hour the clocks repeat in the later offset, and moves one they skip forward', () => {
  // Kyiv: on 29 March 2026 03:00 becomes 04:00 (+02 to +03); on 25 October 04:00 becomes 03:00 again.
  assert.deepEqual(instants(['2026-03-29 02:59', '2026-03-29 03:30', '2026-03-29 04:00', '2026-10-25 03:30', '2026-10-25 04:00'], 'Europe/Kyiv'), [
    ['2026-03-29 02:59', '2026-03-29T00:59:00.000Z'],
    ['2026-03-29 03:30', '2026-03-29T01:30:00.000Z'],
    ['2026-03-29 04:00', '2026-03-29T01:00:00.000Z'],
    ['2026-10-25 03:30', '2026-10-25T01:30:00.000Z'],
    ['2026-10-25 04:00', '2026-10-25T02:00:00.000Z'],
  ])
})

test('gives the same instant as Date for every form Date reads as RFC 3339', () => {
  for (const text of ['2026-01-06T09:30:00Z', '2026-01-06T09:30:00.250+02:00', '1999-12-31T23:59:59-08:00', '2026-02-28T12:00:00+05:45']) {
    assert.equal(toInstant(text, 'Europe/Kyiv').toISOString(), new Date(text).toISOString(), text)
  }
})

test('accepts the shapes real archives write, and nothing looser', () => {
  const accepted = ['2026-01-06', '2026-01-06T09:30', '2026-01-06t09:30:00z', '2026-01-06 09:30:00.1 +0100', '2013-09-14 20:46:50 -0400', '2026-01-06T09:30:00-00:00']
  const refused = ['2026-1-6', '2026-01-06T9:30', '2026-01-06T09', '2026-01-06T09:30:00.Z', '2026-01-06T09:30.5Z', '2026-01-06  09:30', '2026-01-06T09:30+01', '2026-01-06Z', '2026-01-06 09:30 ', '06/01/2026', '2026-01-06T09:30:00+01:00:00']
  assert.deepEqual(accepted.filter((text) => !timePattern.test(text)), [])
  assert.deepEqual(refused.filter((text) => timePattern.test(text)), [])
})

test('says which part of a date or time the calendar or clock lacks, in every shape', () => {
  assert.deepEqual(
    ['2026-02-30', '2026-02-29 10:00', '2024-02-29 10:00 +0100', '2026-13-01t10:00z', '2026-01-06 24:00', '2026-01-06T10:60Z', '2026-01-06T10:00:60Z', '2026-01-06T10:00+24:00', '2026-01-06 10:00 -0160'].map(calendarProblem),
    [
      'February 2026 has 28 days',
      'February 2026 has 28 days',
      undefined,
      'there is no month 13',
      'there is no hour 24',
      'there is no minute 60',
      'there is no second 60',
      'there is no offset +24:00',
      'there is no offset -0160',
    ],
  )
  assert.equal(calendarProblem('not a date'), undefined)
})

test('names the calendar day, month and year of an instant in the site zone, across a year\'s end', () => {
  const newYear = new Date('2025-12-31T23:30:00Z')
  assert.deepEqual(calendarDate(newYear, 'UTC'), { year: '2025', month: '12', day: '2025-12-31' })
  assert.deepEqual(calendarDate(newYear, 'Europe/Kyiv'), { year: '2026', month: '01', day: '2026-01-01' })
  assert.deepEqual(calendarDate(new Date('2026-03-01T04:00:00Z'), 'America/Los_Angeles'), { year: '2026', month: '02', day: '2026-02-28' })
})
