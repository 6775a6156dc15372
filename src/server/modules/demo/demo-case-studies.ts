import type { CaseStudyValues } from '../library/library.repository';

type DemoCaseStudy = CaseStudyValues & { school: string };

const none = { pupils: null, disadvantagedPercent: null, senPercent: null, ealPercent: null };

/** Published case studies of the fictional demo trust, so the Learn page has something to find. */
export const demoCaseStudies: DemoCaseStudy[] = [
  {
    school: 'den',
    title: 'Same-day phonics catch-up in Reception and Year 1',
    schoolCount: 1,
    region: 'Wakefield',
    phase: 'primary',
    demographics: { pupils: 190, disadvantagedPercent: 41, senPercent: 17, ealPercent: 9 },
    problem:
      'Fewer than two in three pupils passed the phonics screening check, and the gap for disadvantaged pupils was widening. Pupils who missed a sound in the morning lesson were not picked up until the half-termly assessment, by which time they were several sounds behind.',
    approach:
      'Every phonics lesson now ends with a quick check of the sound taught. Pupils who did not secure it join a ten-minute catch-up group that afternoon, led by a teaching assistant trained in the same programme. The phonics lead drops in on two catch-up groups a week and shares what she sees at the Friday briefing.',
    eefPhases: [
      {
        phase: 'explore',
        summary:
          'Read the evidence on phonics and on deploying teaching assistants; visited Ashby Lane to see their catch-up model.',
      },
      {
        phase: 'prepare',
        summary:
          'Trained all assistants in the programme; set the afternoon timetable so catch-up never clashed with reading.',
      },
      {
        phase: 'deliver',
        summary:
          'Ran catch-up daily from October; checked fidelity with drop-ins and adjusted group sizes after the first impact check.',
      },
    ],
    impact: [
      {
        kind: 'attainment',
        measure: 'Phonics screening check pass rate',
        group: 'All pupils',
        unit: '%',
        before: '63',
        beforeOn: '2025-07-01',
        after: '79',
        afterOn: '2026-07-01',
        target: '80',
        source: 'Phonics screening check, school results',
      },
      {
        kind: 'attainment',
        measure: 'Phonics screening check pass rate',
        group: 'Disadvantaged pupils',
        unit: '%',
        before: '52',
        beforeOn: '2025-07-01',
        after: '74',
        afterOn: '2026-07-01',
        target: '75',
        source: 'Phonics screening check, school results',
      },
    ],
    lessons:
      'The catch-up only worked once assistants were trained in the same programme as teachers; before that, pupils heard two different ways of saying the same sound.',
    doDifferently:
      'Start the training in the summer term, so catch-up runs from the first week of September.',
    contacts: [{ name: 'Owen Pritchard', role: 'Headteacher', email: '' }],
    componentCodes: ['ofsted.curriculum-teaching', 'cst.implement.process'],
    statementIds: [],
    visibility: 'all_trusts',
  },
  {
    school: 'hol',
    title: 'Bringing persistent absence down in Year 9',
    schoolCount: 1,
    region: 'Kirklees',
    phase: 'secondary',
    demographics: { pupils: 1050, disadvantagedPercent: 34, senPercent: 14, ealPercent: 21 },
    problem:
      'Persistent absence in Year 9 had risen to almost a quarter of the year group. Tutors knew which pupils were missing but nobody owned the follow-up, and families heard from the school only when fines were mentioned.',
    approach:
      'Each tutor now phones home on the first day of absence and meets the family after the third. An attendance mentor works with the twenty pupils with the lowest attendance, and the pastoral team reviews the list every fortnight. Rewards for improved attendance replaced the termly certificate for full attendance.',
    eefPhases: [
      {
        phase: 'explore',
        summary: 'Looked at the attendance data by group and asked pupils and families what kept them away.',
      },
      {
        phase: 'deliver',
        summary:
          'Tutors trained in first-day calls; the mentor started in January with a caseload of twenty.',
      },
    ],
    impact: [
      {
        kind: 'attendance',
        measure: 'Persistent absence, Year 9',
        group: 'All pupils',
        unit: '%',
        before: '24',
        beforeOn: '2025-07-18',
        after: '16',
        afterOn: '2026-07-17',
        target: '15',
        source: 'School attendance records, autumn and spring terms',
      },
    ],
    lessons:
      'Calls from a tutor the family already knew made more difference than letters from the attendance office.',
    doDifferently:
      'Give tutors time for the calls in the timetable from the start, instead of asking them to fit calls in.',
    contacts: [{ name: 'Rachel Byrne', role: 'Deputy Headteacher', email: '' }],
    componentCodes: ['ofsted.attendance-behaviour', 'ofsted.leadership-governance'],
    statementIds: [],
    visibility: 'trust',
  },
  {
    school: 'bro',
    title: 'Instructional coaching for early career teachers',
    schoolCount: 3,
    region: 'Kirklees',
    phase: 'primary',
    demographics: none,
    problem:
      'Three primaries lost half of their early career teachers within two years. Exit interviews named workload and feeling unsupported in managing behaviour as the main reasons.',
    approach:
      'Every early career teacher has a fortnightly coaching cycle with a trained coach from another school in the trust: a short lesson visit, one agreed step, deliberate practice, and a follow-up visit. Coaches meet each half term to calibrate what they see.',
    eefPhases: [
      {
        phase: 'explore',
        summary:
          'Compared coaching models and chose instructional coaching for its evidence on teacher development.',
      },
      {
        phase: 'prepare',
        summary: 'Trained six coaches across three schools and protected an hour a fortnight for each pair.',
      },
      { phase: 'deliver', summary: 'Ran the cycles through the year and surveyed the teachers each term.' },
      {
        phase: 'sustain',
        summary: 'Coaching is now part of the trust induction, with coaches drawn from every school.',
      },
    ],
    impact: [
      {
        kind: 'staff_retention',
        measure: 'Early career teachers still in post after two years',
        group: 'Early career teachers',
        unit: '%',
        before: '50',
        beforeOn: '2024-09-01',
        after: '83',
        afterOn: '2026-09-01',
        target: '80',
        source: 'Trust HR records',
      },
    ],
    lessons:
      'Coaches from another school were trusted more, because the conversations had nothing to do with performance management.',
    doDifferently:
      'Train coaches in giving one small step at a time before they start; early cycles tried to fix too much at once.',
    contacts: [{ name: 'Imran Qureshi', role: 'Headteacher', email: '' }],
    componentCodes: ['cst.capability.expertise', 'cst.capability.connections', 'cst.capability.culture'],
    statementIds: [],
    visibility: 'all_trusts',
  },
  {
    school: 'riv',
    title: 'Explicit vocabulary teaching to lift reading across the curriculum',
    schoolCount: 1,
    region: 'Calderdale',
    phase: 'all_through',
    demographics: { pupils: 1400, disadvantagedPercent: 29, senPercent: 13, ealPercent: 18 },
    problem:
      'Pupils could decode well but struggled to understand subject texts in science and history. Teachers assumed pupils knew the academic words that textbooks took for granted.',
    approach:
      'Each department chose the ten words per unit that unlock its texts and teaches them explicitly: pronunciation, meaning, examples and non-examples, and the word in a sentence. Retrieval quizzes revisit the words across the year.',
    eefPhases: [
      { phase: 'explore', summary: 'Looked at reading ages against the reading demands of each subject.' },
      {
        phase: 'deliver',
        summary:
          'Departments taught the chosen words from the spring term; leaders checked with work scrutiny.',
      },
    ],
    impact: [
      {
        kind: 'progress8',
        measure: 'Progress 8',
        group: 'Disadvantaged pupils',
        unit: '',
        before: '-0.52',
        beforeOn: '2024-08-31',
        after: '-0.21',
        afterOn: '2025-08-31',
        target: '0.00',
        source: 'DfE performance tables (provisional)',
      },
    ],
    lessons: 'Short, frequent revisits mattered more than the first explicit teaching of the word.',
    doDifferently:
      'Agree the word lists across departments earlier, so pupils meet the same words in more than one subject.',
    contacts: [{ name: 'Martin Cole', role: 'Executive Headteacher', email: '' }],
    componentCodes: ['ofsted.curriculum-teaching', 'ofsted.achievement', 'cst.goals.evidence'],
    statementIds: [],
    visibility: 'trust',
  },
];
