import { afterEach, describe, expect, it, vi } from 'vitest'
import { localToday } from './format.js'

describe('today for deadlines', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('[RET-SYSTEM-TIMEZONE] is the Brussels date, as the server counts overdue: at 23:30 UTC it is already tomorrow', () => {
    vi.useFakeTimers()
    vi.setSystemTime(new Date('2026-03-30T23:30:00Z'))
    expect(localToday()).toBe('2026-03-31')
    vi.setSystemTime(new Date('2026-03-30T21:59:59Z'))
    expect(localToday()).toBe('2026-03-30')
    // winter time: midnight in Brussels is 23:00 UTC
    vi.setSystemTime(new Date('2026-01-15T22:59:59Z'))
    expect(localToday()).toBe('2026-01-15')
    vi.setSystemTime(new Date('2026-01-15T23:00:00Z'))
    expect(localToday()).toBe('2026-01-16')
  })
})
