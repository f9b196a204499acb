import { Faker, base, en, en_GB } from '@faker-js/faker';

/**
 * Names that sound like the people of an English city. faker's en_GB locale has no name lists of
 * its own (it falls back to US ones), so these are added as a faker locale layer and chosen with the
 * person's seeded faker. Sources: ONS "Baby names in England and Wales" (popular names of the
 * 1950s-2000s, the birth years of adults on caseloads) and the commonest surnames in England and Wales
 * (ONS analysis of NHS patient registers); for people of other heritage, common names of those communities in
 * Britain. Lists are short on purpose: plausibility, not coverage.
 */
export const britishNames = {
  female: [
    'Susan', 'Linda', 'Christine', 'Margaret', 'Janet', 'Patricia', 'Carol', 'Elizabeth', 'Mary', 'Anne', 'Julie', 'Karen',
    'Tracey', 'Sarah', 'Nicola', 'Claire', 'Lisa', 'Joanne', 'Michelle', 'Emma', 'Rachel', 'Gemma', 'Laura', 'Rebecca',
    'Hannah', 'Charlotte', 'Amy', 'Jessica', 'Lauren', 'Sophie', 'Chloe', 'Katie', 'Megan', 'Holly', 'Ellie', 'Jade',
    'Kerry', 'Donna', 'Dawn', 'Helen', 'Jennifer', 'Louise', 'Kelly', 'Stacey', 'Natalie', 'Zoe', 'Lucy', 'Amber',
  ],
  male: [
    'David', 'John', 'Michael', 'Peter', 'Robert', 'Paul', 'Stephen', 'Alan', 'Ian', 'Keith', 'Gary', 'Mark', 'Andrew',
    'Richard', 'Neil', 'Darren', 'Lee', 'Craig', 'Jason', 'Wayne', 'Christopher', 'Matthew', 'James', 'Daniel', 'Thomas',
    'Adam', 'Jamie', 'Ryan', 'Luke', 'Liam', 'Callum', 'Jack', 'Joshua', 'Connor', 'Kieran', 'Jordan', 'Lewis', 'Nathan',
    'Dean', 'Carl', 'Shaun', 'Simon', 'Martin', 'Graham', 'Kevin', 'Anthony', 'Scott', 'Samuel',
  ],
  family: [
    'Smith', 'Jones', 'Williams', 'Taylor', 'Brown', 'Davies', 'Evans', 'Wilson', 'Thomas', 'Johnson', 'Roberts', 'Robinson',
    'Thompson', 'Wright', 'Walker', 'White', 'Edwards', 'Hughes', 'Green', 'Hall', 'Lewis', 'Harris', 'Clarke', 'Patel',
    'Jackson', 'Wood', 'Turner', 'Martin', 'Cooper', 'Hill', 'Ward', 'Morris', 'Moore', 'Clark', 'Lee', 'King', 'Baker',
    'Harrison', 'Morgan', 'Allen', 'James', 'Scott', 'Phillips', 'Watson', 'Davis', 'Parker', 'Price', 'Bennett', 'Young',
    'Griffiths', 'Mitchell', 'Kelly', 'Cook', 'Carter', 'Richardson', 'Bailey', 'Collins', 'Bell', 'Shaw', 'Murphy', 'Miller',
    'Cox', 'Richards', 'Khan', 'Marshall', 'Anderson', 'Simpson', 'Ellis', 'Adams', 'Singh', 'Begum', 'Wilkinson', 'Foster',
    'Chapman', 'Powell', 'Webb', 'Rogers', 'Gray', 'Mason', 'Ali', 'Hunt', 'Hussain', 'Campbell', 'Matthews', 'Owen', 'Palmer',
  ],
} as const;

/** Heritage name lists, chosen by NHS ethnic category so records read like a real caseload. */
const heritage = {
  southAsian: {
    female: ['Aisha', 'Fatima', 'Priya', 'Sana', 'Nadia', 'Amina', 'Shabana', 'Rukhsana', 'Anjali', 'Farah', 'Zainab', 'Nasreen', 'Simran', 'Hina'],
    male: ['Mohammed', 'Imran', 'Rajesh', 'Asif', 'Tariq', 'Sanjay', 'Amir', 'Bilal', 'Harpreet', 'Arjun', 'Kamran', 'Faisal', 'Rahul', 'Zubair'],
    family: ['Khan', 'Ahmed', 'Hussain', 'Patel', 'Singh', 'Ali', 'Begum', 'Shah', 'Akhtar', 'Iqbal', 'Mahmood', 'Rahman', 'Kaur', 'Sharma', 'Chowdhury', 'Mistry'],
  },
  blackAfrican: {
    female: ['Grace', 'Blessing', 'Abena', 'Chiamaka', 'Faith', 'Amara', 'Ngozi', 'Hodan', 'Fadumo', 'Esther', 'Adaeze', 'Ruth'],
    male: ['Emmanuel', 'Samuel', 'Kwame', 'Chinedu', 'Abdi', 'Oluwaseun', 'Kofi', 'Daniel', 'Ahmed', 'Tunde', 'Yusuf', 'Joseph'],
    family: ['Okafor', 'Adeyemi', 'Mensah', 'Osei', 'Mohamed', 'Abdi', 'Okoro', 'Asante', 'Nwosu', 'Hassan', 'Boateng', 'Adebayo', 'Owusu', 'Farah'],
  },
  blackCaribbean: {
    female: ['Marcia', 'Sharon', 'Paulette', 'Jasmine', 'Shanice', 'Natasha', 'Beverley', 'Tanisha', 'Denise', 'Simone', 'Leah', 'Jada'],
    male: ['Winston', 'Delroy', 'Marcus', 'Tyrone', 'Leon', 'Jermaine', 'Clive', 'Dwayne', 'Andre', 'Kareem', 'Devon', 'Tyrese'],
    family: ['Campbell', 'Williams', 'Brown', 'Francis', 'Thomas', 'Reid', 'Johnson', 'Grant', 'Stewart', 'Gordon', 'Clarke', 'Henry', 'Morgan', 'Bailey'],
  },
  eastEuropean: {
    female: ['Agnieszka', 'Katarzyna', 'Anna', 'Monika', 'Ioana', 'Elena', 'Magdalena', 'Andreea', 'Joanna', 'Kristina'],
    male: ['Piotr', 'Tomasz', 'Marek', 'Andrei', 'Krzysztof', 'Mihai', 'Lukasz', 'Jakub', 'Pawel', 'Ionut'],
    family: ['Nowak', 'Kowalski', 'Wisniewski', 'Popescu', 'Lewandowski', 'Kaminski', 'Ionescu', 'Zielinski', 'Mazur', 'Popa'],
  },
  chinese: {
    female: ['Mei', 'Li Na', 'Xin', 'Wing', 'Yan', 'Jia'],
    male: ['Wei', 'Jun', 'Ming', 'Hao', 'Chen', 'Kai'],
    family: ['Wong', 'Chan', 'Li', 'Zhang', 'Liu', 'Cheung', 'Wang', 'Lam'],
  },
  arab: {
    female: ['Mariam', 'Layla', 'Noor', 'Huda', 'Yasmin', 'Rania'],
    male: ['Omar', 'Khalid', 'Hassan', 'Ali', 'Youssef', 'Karim'],
    family: ['Ibrahim', 'Hassan', 'Abdullah', 'Mahmoud', 'Saleh', 'Haddad'],
  },
} as const;

type Lists = { female: readonly string[]; male: readonly string[]; family: readonly string[] };

/** Which names a person of an ethnic category is likely to have; mixed and unrecorded heritage draws from all. */
function listsFor(ethnicCategory: string, faker: Faker): Lists {
  switch (ethnicCategory) {
    case 'H': case 'J': case 'K': return heritage.southAsian;
    case 'N': return heritage.blackAfrican;
    case 'M': return heritage.blackCaribbean;
    case 'P': return faker.datatype.boolean() ? heritage.blackAfrican : heritage.blackCaribbean;
    case 'C': return faker.datatype.boolean(0.4) ? heritage.eastEuropean : britishNames;
    case 'R': return heritage.chinese;
    case 'L': return faker.datatype.boolean() ? heritage.southAsian : britishNames;
    case 'S': return faker.datatype.boolean() ? heritage.arab : britishNames;
    default: return britishNames;
  }
}

export interface PersonName {
  given: string;
  middle?: string;
  family: string;
}

export function nameFor(faker: Faker, sex: 'male' | 'female', ethnicCategory: string): PersonName {
  const lists = listsFor(ethnicCategory, faker);
  const given = faker.helpers.arrayElement(lists[sex]);
  const middle = faker.datatype.boolean(0.4) ? faker.helpers.arrayElement(lists[sex]) : undefined;
  return { given, ...(middle && middle !== given ? { middle } : {}), family: faker.helpers.arrayElement(lists.family) };
}

/** The faker locale layer that gives en_GB British names (staff, carers). */
export const britishNamesLocale = {
  person: {
    first_name: { female: [...britishNames.female], male: [...britishNames.male], generic: [...britishNames.female, ...britishNames.male] },
    last_name: { generic: [...britishNames.family] },
  },
};

/** faker for en_GB with British name lists first: seed it per person before use. */
export function britishFaker(): Faker {
  return new Faker({ locale: [britishNamesLocale, en_GB, en, base] });
}
