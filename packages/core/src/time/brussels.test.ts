import { describe, expect, it } from 'vitest'
import { invitationDispatchNight, INVITATION_CUTOFF_LOCAL_TIME } from './brussels.js'
import { EU_INSTITUTIONS_2026_2027, MONDAY_TO_FRIDAY } from './calendar.js'

const EU = EU_INSTITUTIONS_2026_2027

describe('the 10:00 rule of the invitation dispatch (spec §3.4.4)', () => {
  it('[REG-INV-DISPATCH-BEFORE-10] a submission before 10:00 Brussels time on a working day goes out the same night, in winter and summer', () => {
    expect(INVITATION_CUTOFF_LOCAL_TIME).toBe('10:00')
    expect(invitationDispatchNight('2026-03-26T08:59:59.999Z', EU)).toBe('2026-03-26') // Thursday 09:59:59.999 CET
    expect(invitationDispatchNight('2026-03-30T07:59:59.999Z', EU)).toBe('2026-03-30') // Monday 09:59:59.999 CEST
    expect(invitationDispatchNight('2026-10-26T08:59:59.999Z', EU)).toBe('2026-10-26') // Monday 09:59:59.999 CET
    expect(invitationDispatchNight('2026-03-25T23:00:00.000Z', EU)).toBe('2026-03-26') // Thursday 00:00 CET
  })

  it('[REG-INV-DISPATCH-AFTER-10] a submission after 10:00 goes out the night of the next working day', () => {
    expect(invitationDispatchNight('2026-03-26T09:00:00.001Z', EU)).toBe('2026-03-27') // Thursday 10:00:00.001 CET
    expect(invitationDispatchNight('2026-03-26T22:59:59.999Z', EU)).toBe('2026-03-27') // Thursday 23:59 CET
    expect(invitationDispatchNight('2026-04-01T12:00:00.000Z', EU)).toBe('2026-04-07') // Wednesday before Easter
    expect(invitationDispatchNight('2026-04-01T12:00:00.000Z', MONDAY_TO_FRIDAY)).toBe('2026-04-02')
    // A submission on a non-working day counts as after 10:00.
    expect(invitationDispatchNight('2026-03-28T06:00:00.000Z', EU)).toBe('2026-03-30') // Saturday 07:00
    expect(invitationDispatchNight('2026-04-06T06:00:00.000Z', EU)).toBe('2026-04-07') // Easter Monday 08:00
  })

  it('[REG-INV-DISPATCH-FRIDAY] a submission on Friday after 10:00 goes out on Monday night, also across the DST changes', () => {
    expect(invitationDispatchNight('2026-03-27T09:30:00.000Z', EU)).toBe('2026-03-30') // Friday 10:30 CET → Monday in CEST
    expect(invitationDispatchNight('2026-10-23T08:30:00.000Z', EU)).toBe('2026-10-26') // Friday 10:30 CEST → Monday in CET
  })

  it('[REG-INV-DISPATCH-AT-10] exactly 10:00 Brussels time counts as after 10:00, whether 09:00 or 08:00 UTC', () => {
    expect(invitationDispatchNight('2026-03-26T09:00:00.000Z', EU)).toBe('2026-03-27') // 10:00 CET
    expect(invitationDispatchNight('2026-03-26T08:59:59.999Z', EU)).toBe('2026-03-26')
    expect(invitationDispatchNight('2026-03-30T08:00:00.000Z', EU)).toBe('2026-03-31') // 10:00 CEST
    expect(invitationDispatchNight('2026-03-30T07:59:59.999Z', EU)).toBe('2026-03-30')
    expect(invitationDispatchNight('2026-10-23T08:00:00.000Z', EU)).toBe('2026-10-26') // Friday 10:00 CEST
    expect(invitationDispatchNight('2026-10-26T09:00:00.000Z', EU)).toBe('2026-10-27') // Monday 10:00 CET
  })

  it('[RET-SYSTEM-TIMEZONE] reads the local time in Brussels, not in UTC: 09:30 UTC is 10:30 in winter and 11:30 in summer', () => {
    expect(invitationDispatchNight('2026-02-10T09:30:00.000Z', EU)).toBe('2026-02-11')
    expect(invitationDispatchNight('2026-02-10T09:30:00.000Z', { ...EU, timeZone: 'UTC' })).toBe('2026-02-10')
    expect(() => invitationDispatchNight('not a date', EU)).toThrow(RangeError)
  })
})
