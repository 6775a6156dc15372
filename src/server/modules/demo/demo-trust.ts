import type { phases } from '../../../shared/contracts/org';
import type { Role } from '../../../shared/contracts/roles';

/** A fictional trust: every name, URN and address below is invented for demonstration. */
export const demoTrustName = 'Northfield Learning Trust';
export const demoEmailDomain = 'northfield.example';

type DemoSchool = {
  key: string;
  urn: string;
  name: string;
  phase: (typeof phases)[number];
  localAuthority: string;
  joined: string;
  departments: string[];
};

export const demoSchools: DemoSchool[] = [
  {
    key: 'ash',
    urn: '990101',
    name: 'Ashby Lane Primary School',
    phase: 'primary',
    localAuthority: 'Kirklees',
    joined: '2017-09-01',
    departments: ['English', 'Maths', 'SEND', 'Early Years'],
  },
  {
    key: 'bro',
    urn: '990102',
    name: 'Brookfield Primary Academy',
    phase: 'primary',
    localAuthority: 'Kirklees',
    joined: '2019-04-01',
    departments: ['English', 'Maths', 'SEND', 'Early Years'],
  },
  {
    key: 'cal',
    urn: '990103',
    name: 'Calder Vale Primary',
    phase: 'primary',
    localAuthority: 'Calderdale',
    joined: '2021-01-01',
    departments: ['English', 'Maths', 'SEND', 'Early Years'],
  },
  {
    key: 'den',
    urn: '990104',
    name: 'Dene Park Primary School',
    phase: 'primary',
    localAuthority: 'Wakefield',
    joined: '2023-09-01',
    departments: ['English', 'Maths', 'SEND', 'Early Years'],
  },
  {
    key: 'hol',
    urn: '990105',
    name: 'Holmebridge Academy',
    phase: 'secondary',
    localAuthority: 'Kirklees',
    joined: '2016-09-01',
    departments: ['English', 'Maths', 'Science', 'Humanities', 'Modern Languages', 'SEND'],
  },
  {
    key: 'riv',
    urn: '990106',
    name: 'Riverside All-Through School',
    phase: 'all_through',
    localAuthority: 'Wakefield',
    joined: '2020-09-01',
    departments: [
      'Early Years',
      'Primary English',
      'Primary Maths',
      'English',
      'Maths',
      'Science',
      'Sixth Form',
      'SEND',
    ],
  },
];

type DemoPerson = {
  name: string;
  jobTitle: string;
  role: Role;
  school?: string;
  department?: string;
};

export const demoPeople: DemoPerson[] = [
  { name: 'Amira Hussain', jobTitle: 'Director of Operations', role: 'trust_admin' },
  { name: 'Daniel Okafor', jobTitle: 'Director of School Improvement', role: 'improvement_lead' },
  { name: 'Priya Shah', jobTitle: 'Primary School Improvement Liaison', role: 'improvement_lead' },
  { name: 'Gareth Lewis', jobTitle: 'Secondary School Improvement Liaison', role: 'improvement_lead' },
  { name: 'Margaret Ellis', jobTitle: 'Chair of Trustees', role: 'trustee' },
  { name: 'Tomasz Nowak', jobTitle: 'Trustee (Standards Committee)', role: 'trustee' },
  { name: 'Helen Marsh', jobTitle: 'Headteacher', role: 'school_leader', school: 'ash' },
  { name: 'Imran Qureshi', jobTitle: 'Headteacher', role: 'school_leader', school: 'bro' },
  { name: 'Sarah Whitaker', jobTitle: 'Headteacher', role: 'school_leader', school: 'cal' },
  { name: 'Owen Pritchard', jobTitle: 'Headteacher', role: 'school_leader', school: 'den' },
  { name: 'Grace Adeyemi', jobTitle: 'Principal', role: 'school_leader', school: 'hol' },
  { name: 'Rachel Byrne', jobTitle: 'Deputy Headteacher', role: 'school_leader', school: 'hol' },
  { name: 'Martin Cole', jobTitle: 'Executive Headteacher', role: 'school_leader', school: 'riv' },
  {
    name: 'Leah Thompson',
    jobTitle: 'Head of English',
    role: 'middle_leader',
    school: 'hol',
    department: 'English',
  },
  {
    name: 'Kwame Mensah',
    jobTitle: 'Head of Maths',
    role: 'middle_leader',
    school: 'hol',
    department: 'Maths',
  },
  { name: 'Fiona Grant', jobTitle: 'SENCo', role: 'middle_leader', school: 'hol', department: 'SEND' },
  {
    name: 'Aisha Begum',
    jobTitle: 'English Lead',
    role: 'middle_leader',
    school: 'ash',
    department: 'English',
  },
  {
    name: 'Joe Harrington',
    jobTitle: 'Head of Science',
    role: 'middle_leader',
    school: 'riv',
    department: 'Science',
  },
  {
    name: 'Nadia Rahman',
    jobTitle: 'Early Years Lead',
    role: 'middle_leader',
    school: 'riv',
    department: 'Early Years',
  },
  {
    name: 'Chris Doyle',
    jobTitle: 'Teacher of English',
    role: 'teacher',
    school: 'hol',
    department: 'English',
  },
  { name: 'Emma Fielding', jobTitle: 'Year 4 Teacher', role: 'teacher', school: 'bro' },
  { name: 'Paul Kershaw', jobTitle: 'Data Manager', role: 'data_manager', school: 'hol' },
  { name: 'Yvonne Lister', jobTitle: 'Data and Exams Officer', role: 'data_manager', school: 'riv' },
  { name: 'Brian Atkinson', jobTitle: 'Chair of Governors', role: 'governor', school: 'ash' },
  { name: 'Olivia Stanton', jobTitle: 'Chair of Governors', role: 'governor', school: 'hol' },
  { name: 'Deepak Mistry', jobTitle: 'Governor (Pupil Premium)', role: 'governor', school: 'riv' },
];

export const demoEmail = (name: string) =>
  `${name
    .toLowerCase()
    .replace(/[^a-z ]/g, '')
    .trim()
    .replace(/\s+/g, '.')}@${demoEmailDomain}`;
