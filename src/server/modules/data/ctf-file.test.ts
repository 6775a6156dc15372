import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCtf } from './ctf-file';

const fixture = (name: string) => readFileSync(new URL(`../../../../test-data/ctf/${name}`, import.meta.url));
const mixed = fixture('ctf-25-mixed.xml').toString('utf8');
const bytes = (xml: string) => Buffer.from(xml, 'utf8');

/** A one-pupil CTF with the given header date and extra XML inside <Pupil>. */
const onePupil = (
  inside: string,
  date = '2025-07-15T09:00:00',
  version = '26.0',
  basic = '<NCyearActual>R</NCyearActual>',
) =>
  bytes(`<?xml version="1.0" encoding="UTF-8"?>
<CTfile>
  <Header><CTFversion>${version}</CTFversion><DateTime>${date}</DateTime>
    <SourceSchool><LEA>380</LEA><Estab>2123</Estab><SchoolName>Hollybank</SchoolName></SourceSchool></Header>
  <CTFpupilData>
    <Pupil>
      <UPN>N380212319001</UPN><Surname>Okafor</Surname><Forename>Amara</Forename><DOB>2014-03-02</DOB><Sex>F</Sex>
      <BasicDetails>${basic}</BasicDetails>
      ${inside}
    </Pupil>
  </CTFpupilData>
</CTfile>`);

describe('parseCtf', () => {
  it('reads a version 25.0 file: header, source school, and every pupil', () => {
    const r = parseCtf(bytes(mixed));
    expect(r.rejected).toEqual([]);
    expect(r.header).toMatchObject({
      version: '25.0',
      date: '2025-07-15',
      sourceSchool: { lea: '380', estab: '2123', name: 'Hollybank Primary School', academicYear: '2024' },
      destSchool: { lea: '380', estab: '4001' },
    });
    expect(r.pupils.map((p) => p.upn)).toEqual([
      'N380212319001',
      'C380212319002',
      'R380212319003',
      'F380212319004',
    ]);
    expect(r.pupils[0]).toEqual({
      upn: 'N380212319001',
      givenName: 'Amara',
      familyName: 'Okafor',
      dateOfBirth: '2014-03-02',
      sex: 'F',
      yearGroup: 'Y6',
      disadvantaged: true,
      fsm: false,
      sen: 'K',
      eal: true,
      ethnicity: 'BAFR',
      ks2Reading: 105,
      ks2Maths: 98,
      pupilPremium: true,
      lookedAfter: false,
      // The FSM periods with their dates, so the import can write them as history from the file date.
      effectiveFrom: '2025-07-15',
      fsmHistory: [
        { start: '2017-09-04', end: '2018-02-28' },
        { start: '2019-04-01', end: '2019-09-30' },
      ],
      senHistory: [{ start: '2021-01-11', sen: 'K' }],
      row: 24,
    });
  });

  it('reads a version 26.0 file of thirty pupils with elements it does not know', () => {
    const r = parseCtf(fixture('ctf-26-year6-30.xml'));
    expect(r.rejected).toEqual([]);
    expect(r.header?.version).toBe('26.0');
    expect(r.pupils).toHaveLength(30);
    expect(r.pupils.every((p) => p.yearGroup === 'Y6')).toBe(true);
  });

  it('accepts any version, a single pupil, and a pupil with no optional sections', () => {
    const r = parseCtf(onePupil('<FutureSection><Anything>1</Anything></FutureSection>', undefined, '31.2'));
    expect(r.rejected).toEqual([]);
    expect(r.header?.version).toBe('31.2');
    expect(r.pupils).toEqual([
      expect.objectContaining({
        yearGroup: 'R',
        disadvantaged: false,
        fsm: false,
        sen: 'N',
        eal: false,
        ethnicity: 'NOBT',
      }),
    ]);
    // No KS2 anywhere in the file: the stored scores are left alone.
    expect(r.pupils[0]).not.toHaveProperty('ks2Reading');
  });

  it('counts FSM in the six years before the file date as disadvantaged, and not before', () => {
    const fsm = (start: string, end = '') =>
      parseCtf(
        onePupil(
          `<FSMhistory><FSMinstance><FSMstartDate>${start}</FSMstartDate>${end && `<FSMendDate>${end}</FSMendDate>`}</FSMinstance></FSMhistory>`,
        ),
      ).pupils[0]!;
    expect(fsm('2018-01-01', '2019-07-15')).toMatchObject({ disadvantaged: true, fsm: false });
    expect(fsm('2018-01-01', '2019-07-14')).toMatchObject({ disadvantaged: false, fsm: false });
    expect(fsm('2024-09-01')).toMatchObject({ disadvantaged: true, fsm: true });
    // Eligibility that starts after the file was written does not count yet.
    expect(fsm('2025-09-01')).toMatchObject({ disadvantaged: false, fsm: false });
  });

  it('treats a looked-after pupil as disadvantaged without FSM', () => {
    expect(parseCtf(onePupil('<LookedAfter><InCare>true</InCare></LookedAfter>')).pupils[0]).toMatchObject({
      disadvantaged: true,
      fsm: false,
    });
    expect(parseCtf(onePupil('<LookedAfter><InCare>false</InCare></LookedAfter>')).pupils[0]).toMatchObject({
      disadvantaged: false,
    });
  });

  it('marks disadvantage exactly when some FSM instance overlaps the six-year window (property)', () => {
    // Days relative to the file date 2025-07-15; the window opens on 2019-07-15.
    const day = (offset: number) => new Date(Date.UTC(2025, 6, 15 + offset)).toISOString().slice(0, 10);
    const windowStart = '2019-07-15';
    const instance = fc.record({
      start: fc.integer({ min: -4000, max: 400 }),
      length: fc.option(fc.integer({ min: 0, max: 1500 }), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(instance, { maxLength: 4 }), (spells) => {
        const xml = spells
          .map(
            (s) =>
              `<FSMinstance><FSMstartDate>${day(s.start)}</FSMstartDate>${s.length === undefined ? '' : `<FSMendDate>${day(s.start + s.length)}</FSMendDate>`}</FSMinstance>`,
          )
          .join('');
        const expected = spells.some(
          (s) =>
            day(s.start) <= '2025-07-15' &&
            (s.length === undefined || day(s.start + s.length) >= windowStart),
        );
        const p = parseCtf(onePupil(`<FSMhistory>${xml}</FSMhistory>`)).pupils[0]!;
        expect(p.disadvantaged).toBe(expected);
      }),
      { numRuns: 200 },
    );
  });

  it('reads EAL from the first language: English or believed English is not EAL', () => {
    const lang = (code: string, type = 'F') =>
      parseCtf(
        onePupil(
          '',
          undefined,
          undefined,
          `<NCyearActual>3</NCyearActual><Languages><Type><LanguageType>${type}</LanguageType><Language>${code}</Language></Type></Languages>`,
        ),
      ).pupils[0]!.eal;
    expect(lang('POL')).toBe(true);
    expect(lang('ENG')).toBe(false);
    expect(lang('ENB')).toBe(false);
    // A home language other than English, with no first language recorded, is not evidence of EAL.
    expect(lang('POL', 'H')).toBe(false);
  });

  it('takes the SEN provision in force at the file date', () => {
    const sen = (records: string) =>
      parseCtf(onePupil(`<SENhistory>${records}</SENhistory>`)).pupils[0]?.sen ?? null;
    const rec = (start: string, code: string) =>
      `<SEN><StartDate>${start}</StartDate><SENprovision>${code}</SENprovision></SEN>`;
    expect(sen(rec('2023-01-01', 'E'))).toBe('E');
    expect(sen(rec('2021-01-01', 'K') + rec('2024-01-01', 'N'))).toBe('N');
    expect(sen(rec('2024-01-01', 'K') + rec('2021-01-01', 'N'))).toBe('K');
    expect(sen(rec('2026-01-01', 'E'))).toBe('N');
    const bad = parseCtf(onePupil(`<SENhistory>${rec('2023-01-01', 'Q')}</SENhistory>`));
    expect(bad.rejected).toEqual([
      expect.objectContaining({ column: 'Pupil/SENhistory/SEN/SENprovision', value: 'Q' }),
    ]);
  });

  it('keeps the dated SEN records and the first-ranked primary need', () => {
    const rec = (start: string, code: string) =>
      `<SEN><StartDate>${start}</StartDate><SENprovision>${code}</SENprovision></SEN>`;
    const need = (rank: number, code: string) =>
      `<SENneed><SENtypeRank>${rank}</SENtypeRank><SENtype>${code}</SENtype></SENneed>`;
    const read = (inside: string) => parseCtf(onePupil(inside));
    const p = read(
      `<SENhistory>${rec('2024-01-08', 'E')}${rec('2021-09-06', 'K')}${rec('2026-01-01', 'N')}</SENhistory>` +
        `<SENneeds>${need(2, 'SLCN')}${need(1, 'ASD')}</SENneeds>`,
    ).pupils[0]!;
    expect(p.senHistory).toEqual([
      { start: '2021-09-06', sen: 'K' },
      { start: '2024-01-08', sen: 'E' },
    ]);
    expect(p).toMatchObject({ sen: 'E', senPrimaryNeed: 'ASD' });
    // Support without a specialist assessment names no need; a pupil without a SENhistory has none.
    expect(
      read(`<SENhistory>${rec('2022-01-01', 'K')}</SENhistory><SENneeds>${need(1, 'NSA')}</SENneeds>`)
        .pupils[0],
    ).toMatchObject({ sen: 'K', senPrimaryNeed: null });
    expect(read('').pupils[0]!.senHistory).toBeUndefined();
    const bad = read(
      `<SENhistory>${rec('06/09/2021x', 'K')}</SENhistory><SENneeds>${need(1, 'XYZ')}</SENneeds>`,
    );
    expect(bad.rejected.map((r) => [r.column, r.value])).toEqual([
      ['Pupil/SENhistory/SEN/StartDate', '06/09/2021x'],
      ['Pupil/SENneeds/SENneed/SENtype', 'XYZ'],
    ]);
  });

  it('reads KS2 reading and maths test scaled scores, not teacher assessments or absence codes', () => {
    const r = parseCtf(bytes(mixed));
    expect(r.pupils.map((p) => [p.ks2Reading, p.ks2Maths])).toEqual([
      [105, 98],
      [null, 110],
      [null, null],
      [92, null],
    ]);
    const out = parseCtf(bytes(mixed.replace('<Result>105</Result>', '<Result>125</Result>')));
    expect(out.rejected).toEqual([
      expect.objectContaining({
        column: 'Pupil/StageAssessments/KeyStage/StageAssessment/Result',
        value: '125',
      }),
    ]);
  });

  it('rejects a bad UPN at its pupil’s line, and a repeated pupil', () => {
    const r = parseCtf(bytes(mixed.replace('C380212319002', 'A380212319002')));
    const line = mixed.split('\n').findIndex((l) => l.includes('C380212319002'));
    expect(r.rejected).toEqual([
      {
        row: line, // the <Pupil> tag is the line above the UPN (1-based: line = index)
        column: 'Pupil/UPN',
        value: 'A380212319002',
        reason: expect.stringContaining('check letter'),
      },
    ]);
    expect(r.pupils).toHaveLength(3);
    const twice = parseCtf(bytes(mixed.replace('C380212319002', 'N380212319001')));
    expect(twice.rejected).toEqual([
      expect.objectContaining({ column: 'Pupil/UPN', value: 'N380212319001' }),
    ]);
  });

  it('rejects malformed XML with one clear reason and its line', () => {
    const r = parseCtf(bytes(mixed.replace('</Forename>', '</Forname>')));
    expect(r.pupils).toEqual([]);
    expect(r.rejected).toHaveLength(1);
    expect(r.rejected[0]!.reason).toMatch(/^The file is not well-formed XML/);
    expect(r.rejected[0]!.row).toBeGreaterThan(20);
  });

  it('rejects a file that is not a CTF, an empty file, and entity declarations', () => {
    expect(parseCtf(bytes('<?xml version="1.0"?><Pupils><Pupil/></Pupils>')).rejected).toEqual([
      expect.objectContaining({ reason: expect.stringContaining('Not a Common Transfer File') }),
    ]);
    expect(parseCtf(new Uint8Array()).rejected[0]!.reason).toBe('The file is empty');
    const bomb = '<?xml version="1.0"?><!DOCTYPE CTfile [<!ENTITY a "aaaa">]><CTfile>&a;</CTfile>';
    expect(parseCtf(bytes(bomb)).rejected[0]!.reason).toMatch(/entities/);
    expect(parseCtf(bytes('<CTfile><Header/></CTfile>')).rejected[0]!.reason).toMatch(/no pupils/);
  });
});
