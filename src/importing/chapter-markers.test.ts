import { describe, expect, it } from 'vitest';
import { isTitleLike, parseNumber, readMarker } from './chapter-markers.js';

describe('readMarker', () => {
  it.each([
    ['Chapter 1', 'chapter', 1, ''],
    ['chapter 1', 'chapter', 1, ''],
    ['Chapter One: The Road', 'chapter', 1, 'The Road'],
    ['Chapter 2 - The Lighthouse', 'chapter', 2, 'The Lighthouse'],
    ['Chapter 2 — The Lighthouse', 'chapter', 2, 'The Lighthouse'],
    ['Chapter 2: “Home”', 'chapter', 2, '“Home”'],
    ['Chapter Twenty-One. Ashes', 'chapter', 21, 'Ashes'],
    ['Chapter Seventeen', 'chapter', 17, ''],
    ['CHAPTER XII', 'chapter', 12, ''],
    ['Ch. 4', 'chapter', 4, ''],
    ['Part II', 'part', 2, 'Part II'],
    ['Book Three: Winter', 'book', 3, 'Book Three: Winter'],
    ['-1-', 'dash', 1, ''],
    ['— 4 —', 'dash', 4, ''],
    ['~ 3 ~', 'tilde', 3, ''],
    ['1.', 'dot', 1, ''],
    ['1. The Road', 'dot', 1, 'The Road'],
    ['12', 'bare', 12, ''],
    ['IV.', 'roman', 4, ''],
    ['[2]', 'bracket', 2, ''],
    ['#3', 'hash', 3, ''],
    ['第十二章 雪', 'cjk', 12, '雪'],
    ['第3章', 'cjk', 3, ''],
  ])('%s', (line, style, number, title) => {
    expect(readMarker(line)).toMatchObject({ style, number, title });
  });

  it.each([
    ['Prologue'], ['Epilogue: Ten Years On'], ['INTERLUDE'],
  ])('named marker %s keeps its whole text as the title', (line) => {
    expect(readMarker(line)).toEqual({ style: 'named', number: null, title: line, strong: true });
  });

  it.each([
    ['1. I never said that,'],
    ['"1. I never said that," she whispered.'],
    ['2 a.m. and the kettle was the only thing awake.'],
    ['"3 more days," she said.'],
    ['Chapter 3 was the best part of the book.'],
    ['Part of me wanted to stay.'],
    ['Part one of the plan was simple.'],
    ['1984 was a long year.'],
    ['* * *'],
    ['oOo'],
    ['Chapters'],
    [''],
  ])('not a marker: %s', (line) => {
    expect(readMarker(line)).toBeNull();
  });

  it('worded markers are strong, bare numbers are weak', () => {
    expect(readMarker('Chapter 1')?.strong).toBe(true);
    expect(readMarker('1.')?.strong).toBe(false);
    expect(readMarker('-1-')?.strong).toBe(false);
  });
});

describe('parseNumber', () => {
  it.each([['7', 7], ['XIV', 14], ['mcmxcix', 1999], ['twelve', 12], ['Forty two', 42], ['ninety', 90], ['eleventy', NaN]])('%s = %d', (text, value) => {
    expect(parseNumber(text)).toBe(value);
  });
});

describe('isTitleLike', () => {
  it.each([['The Lighthouse', true], ['What Now?', true], ['And Then…', true], ['She left.', false], ['and then', false], ['“Run,” he said.', false], ['Wait,', false]])(
    '%s → %s', (line, expected) => {
      expect(isTitleLike(line)).toBe(expected);
    },
  );
});
