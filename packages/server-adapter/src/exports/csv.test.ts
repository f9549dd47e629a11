/**
 * The CSV encoding of exports: RFC 4180 fields and records, checked against an independent parser,
 * and the neutralisation of cells a spreadsheet would read as formulas.
 */
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { CSV_BOM, csvField, csvRecord, neutraliseFormula } from './csv.js'
import { parseCsv, readCsv } from './test-support.js'

describe('CSV encoding (RFC 4180)', () => {
  it('quotes a field holding a comma, a quote or a line break, doubling its quotes, and leaves others bare', () => {
    expect(csvField('plain text')).toBe('plain text')
    expect(csvField('Dupont, Durand')).toBe('"Dupont, Durand"')
    expect(csvField('the "best" plumber')).toBe('"the ""best"" plumber"')
    expect(csvField('two\r\nlines')).toBe('"two\r\nlines"')
    expect(csvField('one\nline feed')).toBe('"one\nline feed"')
    expect(csvField('')).toBe('')
  })

  it('ends every record with CRLF and separates fields with commas', () => {
    expect(csvRecord(['a', 'b,c', ''])).toBe('a,"b,c",\r\n')
  })

  it('reads back, field for field, whatever the text (neutralised cells aside)', () => {
    // Any text, and text dense in the characters that need quoting.
    const field = fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: fc.constantFrom(',', '"', '\r', '\n', '=', 'a', 'é', ' ') }))
    fc.assert(
      fc.property(fc.array(fc.array(field, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 8 }), (rows) => {
        const text = rows.map(csvRecord).join('')
        expect(parseCsv(text)).toEqual(rows.map((r) => r.map(neutraliseFormula)))
      }),
      { numRuns: 200 },
    )
  })

  it('the parser used by the tests refuses what RFC 4180 refuses', () => {
    expect(() => parseCsv('a"b,c\r\n')).toThrow(SyntaxError)
    expect(() => parseCsv('"a"b,c\r\n')).toThrow(SyntaxError)
    expect(() => parseCsv('"open\r\n')).toThrow(SyntaxError)
    expect(() => parseCsv('a\nb\r\n')).toThrow(SyntaxError)
  })

  it('a file without the byte-order mark is refused by the reader of the tests', () => {
    expect(() => readCsv(new TextEncoder().encode('a,b\r\n'))).toThrow(/byte-order mark/)
    expect(readCsv(new TextEncoder().encode(`${CSV_BOM}a,b\r\n`))).toEqual([['a', 'b']])
  })
})

describe('formula injection', () => {
  it.each([
    ['=HYPERLINK("http://evil.example","click")'],
    ['+33 1 23 45 67 89'],
    ['-2+3'],
    ['@SUM(A1:A9)'],
    ['\t=1+1'],
    ['\r=1+1'],
  ])('a cell starting with a formula character gets a leading apostrophe: %j', (value) => {
    expect(neutraliseFormula(value)).toBe(`'${value}`)
    expect(parseCsv(csvRecord([value]))).toEqual([[`'${value}`]])
  })

  it('leaves a cell alone when the formula character is not first', () => {
    for (const value of ['Plumbing = pipes', 'a+b', "'=already quoted", ' =1', 'x@example.org']) expect(neutraliseFormula(value)).toBe(value)
  })

  it('no encoded field ever starts with a formula character, quoted or not', () => {
    // Half the values start with a character some spreadsheet reads as a formula's start, or a quote or comma.
    const risky = fc.tuple(fc.constantFrom('=', '+', '-', '@', '\t', '\r', '"', ','), fc.string({ unit: 'binary' })).map(([first, rest]) => first + rest)
    fc.assert(
      fc.property(fc.oneof(risky, fc.string({ unit: 'binary' })), (value) => {
        const field = csvField(value)
        const content = field.startsWith('"') ? field.slice(1) : field
        expect(content).not.toMatch(/^[=+\-@\t\r]/)
      }),
      { numRuns: 500 },
    )
  })
})
