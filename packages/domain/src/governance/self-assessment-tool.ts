/**
 * The ICB Maturity Index Self-Assessment Tool for intensive and assertive community mental health
 * care (NHS England Midlands, 2024), as the BNSSG review reproduces it in its Appendix 4: seed
 * `/work/shared/seeds/003_88c4f751ad932b8d.txt`, lines 744-1161. Fourteen domains (contents, lines
 * 752-765), each a series of questions rated on the tool's four-point scale (the column heads, e.g.
 * line 819) with comments and a category (lines 794-798). Every question below is the seed's words,
 * with its line; `prompt`s are the seed's lead-ins that group the questions after them ("Do our
 * policies describe the pathways for:") and are not rated. Question ids are "domain.n" in the
 * seed's order, so a stored answer keeps its question if the wording is corrected here.
 *
 * The seed colour-codes each question essential, enhancing or desirable, but the colours did not
 * survive into the text (the Category column is empty), so the category is part of what the board
 * records, not something this file can say.
 */

/** The rating scale, worst first (column heads of every domain table, e.g. line 819). */
export const selfAssessmentRatings = {
  'action-needed': 'No, action is needed',
  'action-in-hand': 'No, but action in hand',
  'needs-improvement': 'Yes, but needs improvement',
  'working-well': 'Yes, working well',
} as const;
export type SelfAssessmentRating = keyof typeof selfAssessmentRatings;

/** A "yes": the question is met, well or with room to improve. */
export const metRatings: readonly SelfAssessmentRating[] = ['needs-improvement', 'working-well'];

/** The three categories (lines 794-798). */
export const selfAssessmentCategories = {
  essential: 'Essential: to be built into the core function of the community mental health pathway',
  enhancing: 'Enhancing: would enhance and grow the service offer',
  desirable: 'Desirable: further broadens the opportunities for improving the service offer',
} as const;
export type SelfAssessmentCategory = keyof typeof selfAssessmentCategories;

export type SelfAssessmentItem = { kind: 'question'; id: string; line: number; text: string } | { kind: 'prompt'; line: number; text: string };

export interface SelfAssessmentDomain {
  number: number;
  title: string;
  items: readonly SelfAssessmentItem[];
}

const q = (id: string, line: number, text: string): SelfAssessmentItem => ({ kind: 'question', id, line, text });
const prompt = (line: number, text: string): SelfAssessmentItem => ({ kind: 'prompt', line, text });

export const selfAssessmentDomains: readonly SelfAssessmentDomain[] = [
  {
    number: 1,
    title: "Function of assertive outreach / intensive case management",
    items: [
      q("1.1", 820, "Do we know who the population of people with serious mental illness where engagement is a challenge are."),
      prompt(821, "Guidance suggests there should be criteria in policy and pathways for the assertive outreach / intensive case management function in community service provision. For example, this includes:"),
      q("1.2", 822, "A severe and persistent mental disorder (e.g. schizophrenia, major affective disorders) associated with a high level of disability."),
      q("1.3", 823, "A history of high use of inpatient or intensive home-based care (e.g. more than two admissions or more than 6 months inpatient care in the past two years)."),
      q("1.4", 824, "Difficulty in maintaining lasting and consenting contact with services."),
      q("1.5", 825, "History of violence or persistent offending."),
      q("1.6", 826, "Significant risk of persistent self-harm or neglect."),
      q("1.7", 827, "Poor response to previous treatment."),
      q("1.8", 828, "Dual diagnosis of substance misuse and serious mental illness that increases risk of negative outcome including contact with forensic services."),
      q("1.9", 829, "Detained under Mental Health Act (1983, amended 2007) on at least one occasion in the past 2 years."),
      q("1.10", 830, "Unstable accommodation or homelessness."),
      q("1.11", 831, "Vulnerable to presenting to crisis or duty services with relapse or deterioration of mental state where serious harm to self/others is identified if intervention/treatment is not provided."),
      q("1.12", 832, "High level of contact or involvement with emergency services when mental state deteriorates."),
      q("1.13", 833, "How do we know if the function of assertive outreach/intensive case management is provided in our community mental health services."),
      prompt(840, "Guidance suggests that the assertive outreach / intensive case management function should have a strong multidisciplinary approach. For example, this includes access to:"),
      q("1.14", 841, "Team leader."),
      q("1.15", 842, "Clinical psychologists."),
      q("1.16", 843, "Mental health nurses."),
      q("1.17", 844, "Occupational therapists."),
      q("1.18", 845, "Vocational specialists."),
      q("1.19", 846, "Consultant psychiatrists."),
      q("1.20", 847, "Psychological therapists."),
      q("1.21", 848, "Substance use specialists."),
      q("1.22", 849, "Social workers (who can operate the Care Act principles collaboratively)."),
      q("1.23", 850, "Peer support workers."),
      q("1.24", 851, "Pharmacists."),
      q("1.25", 852, "Housing support."),
      prompt(853, "Guidance suggests services providing the function of assertive outreach / intensive case management should have:"),
      q("1.26", 854, "Smaller caseloads. (10-12 cases per staff member)."),
      q("1.27", 855, "Have a high frequency of face-to-face contact from multiple members of the team."),
      q("1.28", 856, "Work predominantly in the community (as opposed to office based)."),
      q("1.29", 857, "Take responsibility for crisis services, operate out of hours, take responsibility for hospital discharge."),
      q("1.30", 858, "Offer time-unlimited support and have a no drop out policy."),
      q("1.31", 859, "Provide assertive engagement mechanisms such as street outreach or use of the Mental Health Act."),
      q("1.32", 860, "Use engagement and persistence as a constructive rather than a restrictive approach to keeping track of people (E.G through recreational, educational, or social activities)."),
      q("1.33", 861, "Use methods such as outcome measure to establish how well service users are engaged with services."),
    ],
  },
  {
    number: 2,
    title: "Clinical Pathways",
    items: [
      prompt(866, "Do our policies describe the pathways for:"),
      q("2.1", 867, "CRHT."),
      prompt(868, "Inpatient admission and discharge."),
      q("2.2", 869, "How do we know if our staff follow our inpatient admission and discharge process."),
      q("2.3", 870, "Community staff contact during inpatient admission."),
      q("2.4", 871, "How do we know if our community staff provide inpatient contact during hospital admission."),
      prompt(872, "Out of area admissions."),
      q("2.5", 873, "How do we know if our staff follow the process for out of area admissions."),
      prompt(874, "Psychological interventions."),
      q("2.6", 875, "We have sufficient numbers of staff to support access to NICE recommended psychological therapies for severe mental health problems."),
      q("2.7", 876, "Do our psychological interventions address antisocial behaviour and potential underlying mental illness."),
      prompt(877, "Transformed CMH services."),
      q("2.8", 878, "Assertive or intensive community support."),
      prompt(879, "Homelessness."),
      q("2.9", 880, "For homeless people do our pathways detail approaches to engagement and information sharing."),
      prompt(881, "People who use substances."),
      q("2.10", 882, "Does our pathway for people who use substances describe interventions for drug induced psychosis."),
      q("2.11", 883, "People with co-morbidities with a particular focus on people with Learning Difficulties and Autism."),
      q("2.12", 884, "Rehabilitation services."),
      q("2.13", 885, "Supported living."),
      q("2.14", 886, "Forensic services."),
      q("2.15", 887, "Vocational services."),
      q("2.16", 892, "Physical health interventions and how assertive engagement can prevent deterioration."),
      q("2.17", 893, "Older Adults."),
      q("2.18", 894, "Children and Young people."),
      q("2.19", 895, "How a person steps up and down dependent on need."),
      q("2.20", 896, "How a person moves between different mental health services."),
      q("2.21", 897, "Pathway escalation/disputes."),
      q("2.22", 898, "We have some good examples that demonstrate to us that providers outside core services or from other pathways (e.g.) UEC, can and do bring to attention people with SMI they have some concerns about."),
      q("2.23", 899, "How do we know if our CMH services operate a 'no wrong door' approach and if they are joined up with other statutory services and Voluntary Community Social Enterprise (VCSE) partners."),
      q("2.24", 900, "We have a process for testing that our cross-services communication channels work to trigger an effective response from our MH services."),
      q("2.25", 901, "We have mechanisms in place that reduces the impact of people accessing different services across different pathways (EG Crisis – CMH – Primary Care)."),
      prompt(902, "Process/Pathway Review"),
      q("2.26", 903, "Have our staff had an opportunity to review or shape how the pathways work."),
      q("2.27", 904, "Do we review our pathways and have we mapped the process."),
      q("2.28", 905, "Do we have a forum where clinicians can discuss complex cases within the ICB/provider trust."),
      q("2.29", 906, "Do we have a forum where clinicians and managers can discuss complex cases across organisational boundaries (i.e. Police, housing support, homeless services, ambulance service, substance use services)."),
    ],
  },
  {
    number: 3,
    title: "Workforce",
    items: [
      q("3.1", 911, "How do we know if our staff have read our policies for example during staff induction."),
      q("3.2", 912, "Have we detailed staff support and wellbeing. For example: How do we provide debriefs and support for staff if things go unexpectedly or staff experience harm."),
      q("3.3", 913, "Have we defined the staff sickness management process and process for reallocation of cases, so people are not lost to follow up."),
      q("3.4", 914, "How do we know if our staff receive supervision and reflective practice to discuss cases."),
      q("3.5", 915, "How do we know if staff are trained in the requirements for delivering the service they work in."),
      q("3.6", 916, "How do we know if staff follow the process for lone working and is this described in our policies."),
      q("3.7", 917, "How do we know if staff have caseload management including trigger mechanisms regarding early warning signs and escalating levels of risk."),
      q("3.8", 918, "Are the roles for staff including lead professional/key worker defined."),
      q("3.9", 919, "Staff along our pathways (inclusive of our assertive outreach function) are sufficiently skilled to support people who may have multiple morbidities (including learning difficulties or autism)."),
      q("3.10", 920, "How do we know if staff have the competencies for the lead professional/key worker roles that we have defined."),
      q("3.11", 921, "As part of the move away from CPA our service users have access to a suitably experienced and competent named key worker as part of an MDT approach to meet their needs. This is supported by a high quality and dynamic co-produced personalised care plan."),
      q("3.12", 922, "We are clear that our staff providing support as part of our assertive outreach/intensive case management function have an extensive understanding of psychosis and how it can present, the treatment options (including full range of evidence-based treatments that might be beneficial), harm minimisation and risk management and the use of statutory frameworks."),
    ],
  },
  {
    number: 4,
    title: "Risk assessment and safety planning",
    items: [
      q("4.1", 927, "In line with NICE guidance, do our services avoid using risk assessment tools as a predictor of future risk."),
      prompt(928, "We have sufficient checks in place that inform us that:"),
      q("4.2", 929, "Staff are following risk assessment procedures."),
      q("4.3", 930, "Staff are following Safeguarding procedures."),
      q("4.4", 931, "Staff are trained in risk assessment and safety planning."),
      q("4.5", 932, "Staff are trained in our Safeguarding procedures."),
      q("4.6", 933, "Staff have followed procedures for 72-hour follow up post hospital discharge."),
      q("4.7", 934, "Staff act upon triggers such as early warning signs to prevent and manage risk."),
      q("4.8", 935, "Our risk assessment process captures red flags and minor early offending (i.e. low-level assaults)."),
      q("4.9", 936, "Our risk assessment process captures early signs of support seeking (IE: ED presentations) with early poor engagement."),
      q("4.10", 937, "Our risk assessments focus on the person's needs and how to support their immediate and long-term psychological and physical safety."),
      q("4.11", 938, "Our mental health professionals undertake a risk formulation as part of every psychosocial assessment."),
      q("4.12", 939, "Our risk assessment recognises that if families are asking for help, this should be viewed as a potential red flag and services must listen and get involved."),
      q("4.13", 940, "Do we have local confidentiality guidance to support staff to engage appropriately with family members, friends, and carers."),
      q("4.14", 941, "Do we know if our clinicians and services are clear about the limits of confidentiality and what this means in practice when talking to and listening to relatives, friends, and carers."),
      q("4.15", 942, "Our risk assessment recognises the importance in respecting an individual's wishes about sharing information with family and friends, that this should not preclude services from gathering information and listening to their concerns."),
      q("4.16", 943, "Does risk assessment process describe risks associated with the persons illness continuing its progression with the likelihood of a short / shorter than expected time period before the next acute presentation?"),
      q("4.17", 944, "Does our risk assessment process recognise importance of joining up presentation history/episodic care and long-term planning of care."),
      q("4.18", 945, "Does our risk assessment refer to Multiagency frameworks (Multi Agency Risk Assessment Conference ( MARAC ), Multi-agency public protection arrangements ( MAPPA )."),
    ],
  },
  {
    number: 5,
    title: "Legislation",
    items: [
      prompt(950, "Do our policies refer to:"),
      q("5.1", 951, "The Mental Health Act and Mental Capacity Act."),
      q("5.2", 952, "Community Treatment Orders."),
      q("5.3", 953, "Processes where a patient is refusing consent."),
      q("5.4", 954, "The Human Rights Act and its application."),
      q("5.5", 955, "The Care Act."),
      q("5.6", 956, "Our S117 Policy."),
      q("5.7", 957, "Are our staff able to access information and support related to legislation."),
      q("5.8", 958, "How do we know if our staff are trained in our policies related to legislation."),
    ],
  },
  {
    number: 6,
    title: "Interface with other services",
    items: [
      q("6.1", 963, "Do our policies define the role and responsibility of the VCSE."),
      q("6.2", 964, "We actively collaborate with LD&A services to ensure our service offer is inclusive."),
      q("6.3", 965, "Do our policies describe links with the Local Authority."),
      q("6.4", 966, "Do our policies describe links with emergency services such as the Police and Mental Health Response Vehicles."),
      q("6.5", 967, "Do our policies describe links with housing providers."),
    ],
  },
  {
    number: 7,
    title: "Recovery and personalisation",
    items: [
      q("7.1", 972, "How do we evidence that our assessments are personalised, and recognise the individuality, strengths and abilities of people to shape their own lives and secure their own safety."),
      q("7.2", 973, "Do our policies define outcome measures such as Engagement Measures, DIALOG+, ReQOL."),
      q("7.3", 974, "Do our policies detail involvement of family and friends."),
    ],
  },
  {
    number: 8,
    title: "Meeting the needs of diverse populations",
    items: [
      q("8.1", 979, "Our policies, procedures and practice reflect the changes outlined in the Patient and Carer Race Equality Framework ( PCREF )."),
      q("8.2", 980, "Does our workforce reflect the diverse communities in our locality."),
      q("8.3", 981, "Have we embedded equalities thinking in planning, and reducing inequalities related to support, treatment and for people requiring assertive and intensive engagement?"),
      q("8.4", 982, "We make use of our data/information about our diverse communities to understand the potential barriers to accessing treatment and care for people."),
      q("8.5", 983, "We have a good understanding of the rates of referral and rate of detentions under the MHA for mental health services from all our diverse communities."),
      q("8.6", 984, "Have we adopted new ways of working to prevent people revolving through the criminal justice system, CMHT, inpatients under a section of the MHA."),
      q("8.7", 985, "We have trained our staff in equality, diversity and inclusion including anti-racist and anti-oppressive practice and is this embedded in our mental health teams."),
      q("8.8", 986, "We have developed strong networks with LD&A services, religious and community leaders to facilitate engagement in the planning and development of services to ensure care and treatment is appropriate and responsive."),
      q("8.9", 987, "How do we know if our staff have accommodated accessibility considerations and know how and when to use them EG the provision of interpreters and sign language for both service users, families and carers."),
    ],
  },
  {
    number: 9,
    title: "Medication management",
    items: [
      q("9.1", 992, "How do we know if our staff are following our medicines policy."),
      q("9.2", 993, "How do we know if our staff are following our process for people who are non-concordant with medication."),
      q("9.3", 994, "How do we know if staff are specifically monitoring people who are discontinuing medication against advice and disengaging from services"),
      q("9.4", 995, "How do we know if our staff are following our process for addressing side effects of treatment and reviewing treatment."),
    ],
  },
  {
    number: 10,
    title: "Experts by Experience",
    items: [
      q("10.1", 1000, "Are experts by experience involved in our policy development."),
      q("10.2", 1001, "Are Experts by Experience embedded in our service development work for community mental health services."),
      q("10.3", 1002, "We have involved people delivering and receiving services in having focused conversations about how we best raise our own awareness/stay connected to any potential concerns that may not be directly known to our core services."),
      q("10.4", 1003, "We have included people from our diverse communities to inform our policy and practice delivery (inclusive of people with learning difficulties and autism)."),
    ],
  },
  {
    number: 11,
    title: "Discharge from services",
    items: [
      prompt(1008, "For people who are not attending or cancelling appointments / dropping out of services:"),
      q("11.1", 1009, "In Section 5 of the CMH guidance it is made clear that DNAs should never be used as a reason for discharge. Do we have a clear policy in place to state this for people with severe and relapsing mental illness?"),
      q("11.2", 1010, "How do we know if staff across our services are adhering to this process for this cohort of people."),
      q("11.3", 1011, "How do we know if our staff are involving family and friends."),
      q("11.4", 1018, "How do we know if our staff are involving GPs."),
      q("11.5", 1019, "How do we know if our staff consider other services that exist and have capacity that might better meet the wishes of the person."),
      q("11.6", 1020, "How do we know if our staff agree this route with the person and pass all necessary information to that service."),
      q("11.7", 1021, "How do we know if our staff where alternatives do not exist, consider assertive approaches or use of the Mental Health Act."),
      q("11.8", 1022, "How do we know if our staff use the MDT to make decisions to discharge people and record the reasons for discharge."),
      q("11.9", 1023, "How do we know the number of non-agreed discharges to ensure trends can be identified and addressed."),
      q("11.10", 1024, "How do we know if our community mental health services have a low threshold for readmittance."),
      q("11.11", 1025, "How do we know if staff identify any relapse indicators and known harms/risks of relapse if not responded to promptly."),
      q("11.12", 1026, "How do we know if staff identify routes back into community mental health services at the point of discharge."),
    ],
  },
  {
    number: 12,
    title: "Data",
    items: [
      q("12.1", 1031, "Have we undertaken a local mental health needs assessment to help us to understand the population of people with serious mental illness where engagement is a challenge to guide the development of a whole system pathway."),
      q("12.2", 1032, "Do we have a local community mental health data dashboard that displays and organises our own service data to help staff: - Look at someone's history of using mental health services. - Looks at changes in a range of factors to indicate potential /additional support needs. - Drive decision-making on individuals potentially in need of intensive support."),
      q("12.3", 1037, "We routinely review data across our MH pathway where we can identify, respond to and monitor emerging themes and trends (e.g.) Local reports on serious incidents, patient experience, and patient complaints and compliments."),
      q("12.4", 1038, "Our Teams/services review clinical outcome data in a routine manner to make improvements to the service."),
      q("12.5", 1039, "We consider local data and intelligence on populations currently accessing services, as well as those who aren't."),
      q("12.6", 1040, "Have we routinely measured and monitored service user experience/ satisfaction as part of the development work for community mental health services."),
      q("12.7", 1041, "Is the referral to treatment process reported so that waiting times can be monitored."),
    ],
  },
  {
    number: 13,
    title: "Policy variation control",
    items: [
      prompt(1046, "Do our policies follow the required conventions for policy management for example:"),
      q("13.1", 1047, "Have a version control number."),
      q("13.2", 1048, "List the names and title of the authors."),
      q("13.3", 1049, "List the name and title of the responsible director/SRO."),
      q("13.4", 1050, "Have a review date and are up to date."),
      q("13.5", 1051, "State the frequency of the policy review."),
      q("13.6", 1052, "State the date of approval, and - the name and details of the person who has approved the policy."),
      q("13.7", 1053, "Have an Equality Impact Assessment (EIA)."),
      q("13.8", 1054, "Detail the frequency of the Equality Impact Assessment (EIA) and when is it due for review."),
    ],
  },
  {
    number: 14,
    title: "Governance",
    items: [
      q("14.1", 1059, "Do we have a lead person(s) responsible for policies."),
      q("14.2", 1060, "Do our lead person(s) feed into a community mental health planning groups and/or project boards."),
      q("14.3", 1061, "Do our community mental health planning group and/or project board have representation from key clinicians."),
      q("14.4", 1062, "Do our community mental health planning groups and/or project boards have representation from Trust Executives/Senior Managers."),
      q("14.5", 1063, "Do our community mental health planning groups and/or project boards meet monthly."),
      q("14.6", 1064, "Do we have a governance structure for policy review, oversight and sign off that includes: - Chief Medical Officer, Chief Nursing Officer, system operational governance, quality governance and mental health provider collaborative."),
      q("14.7", 1065, "Have we got a mechanism for learning across the system following serious incidents where we get things right and where we don't."),
      q("14.8", 1066, "Do we have a culture that takes out blame and where people feel safe to raise concerns."),
      q("14.9", 1067, "We have considered the governance, partnership and monitoring arrangements that support the identification of people who might need intensive and assertive community care, as well as the capacity of local services to provide appropriate levels of care."),
    ],
  },
];

export const selfAssessmentQuestions: ReadonlyMap<string, { domain: number; text: string }> = new Map(
  selfAssessmentDomains.flatMap((d) => d.items.flatMap((i) => (i.kind === 'question' ? [[i.id, { domain: d.number, text: i.text }] as const] : []))),
);
