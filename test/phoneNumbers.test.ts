// A UK mobile as people type it: only the numbering plan's mobile ranges (libphonenumber's
// metadata), so a personal number or a pager is refused, and Ofcom's drama range is kept for tests.
import { findUkMobile, readUkMobile } from '../bot/platform/phoneNumbers';

describe('a UK mobile number as typed', () => {
  it.each([
    ['07911 123456', '+447911123456'],
    ['+44 7911 123456', '+447911123456'],
    ['0044 7911-123456', '+447911123456'],
    ['07123 456789', '+447123456789'],
    // The Isle of Man and the Channel Islands share the plan.
    ['07624 123456', '+447624123456'],
    ['07700 900123', '+447700900123'],
  ])('"%s" is %s', (typed, number) => {
    expect(readUkMobile(typed)).toBe(number);
  });

  it.each([
    ['07012 345678', 'a personal number (070)'],
    ['07600 123456', 'a pager (076)'],
    ['01622 123456', 'a landline'],
    ['07911 12345', 'a digit short'],
    ['07911 1234567', 'a digit over'],
    ['07911 123456x', 'a letter in it'],
  ])('"%s" is refused: %s', (typed) => {
    expect(readUkMobile(typed)).toBeUndefined();
  });
});

describe('a UK mobile number said in a sentence', () => {
  it.each([
    ['07700 900123 i just said', '+447700900123'],
    ['text me on +44 7911 123456 pls', '+447911123456'],
    ['its 07012 345678 or 07911 123456', '+447911123456'],
    ['ring childline on 0800 1111', undefined],
    ['ref 107700900123', undefined],
    ['07700 9001234', undefined],
  ])('"%s" gives %s', (typed, number) => {
    expect(findUkMobile(typed)).toBe(number);
  });
});
