/**
 * Forenames that are the same name for matching: a formal name with its common English short
 * forms and spelling variants. A short form can belong to several groups ("alex" is Alexander
 * and Alexandra; "charlie" is Charles and Charlotte), so a name maps to a list of groups. The
 * first name of each group is its canonical form, used for blocking.
 */
const GROUPS: readonly string[][] = [
  ['william', 'will', 'bill', 'billy', 'liam', 'willy', 'willie', 'wills'],
  ['robert', 'rob', 'bob', 'bobby', 'robbie', 'robby', 'bert'],
  ['elizabeth', 'liz', 'lizzie', 'lizzy', 'beth', 'betty', 'bess', 'eliza', 'libby', 'elsie', 'lisa'],
  ['margaret', 'maggie', 'meg', 'megan', 'peggy', 'greta'],
  [
    'katherine',
    'catherine',
    'kathryn',
    'katharine',
    'kate',
    'katie',
    'katy',
    'kat',
    'cathy',
    'kathy',
    'kitty',
    'kay',
  ],
  ['alexander', 'alex', 'alec', 'alek', 'sandy', 'xander', 'al', 'lex', 'alexandre'],
  ['alexandra', 'alex', 'lexi', 'lexie', 'sasha', 'sandra', 'alexa'],
  ['thomas', 'tom', 'tommy', 'thom'],
  ['james', 'jim', 'jimmy', 'jamie', 'jamey', 'jem'],
  ['john', 'jack', 'johnny', 'jonny', 'jon'],
  ['jonathan', 'jon', 'jonny', 'johnny'],
  ['joseph', 'joe', 'joey', 'jo'],
  ['josephine', 'jo', 'josie'],
  ['samuel', 'sam', 'sammy', 'sammie'],
  ['samantha', 'sam', 'sammy', 'sammie'],
  ['daniel', 'dan', 'danny', 'dani'],
  ['danielle', 'dani', 'elle'],
  ['matthew', 'matt', 'matty', 'mat'],
  ['michael', 'mike', 'mikey', 'mick', 'micky', 'mickey', 'mikel'],
  ['christopher', 'chris', 'kit', 'topher', 'kris'],
  ['christina', 'christine', 'chris', 'tina', 'kristina', 'kristen', 'kirsty', 'kirstie'],
  ['nicholas', 'nick', 'nicky', 'nico', 'nicolas'],
  ['nicole', 'nicky', 'nikki', 'nicola'],
  ['benjamin', 'ben', 'benny', 'benji', 'benjy'],
  ['edward', 'ed', 'eddie', 'eddy', 'ted', 'teddy', 'ned', 'ward'],
  ['richard', 'rich', 'richie', 'rick', 'ricky', 'dick', 'rico'],
  ['anthony', 'tony', 'ant', 'antony', 'anton'],
  ['andrew', 'andy', 'drew'],
  ['charles', 'charlie', 'chas', 'chuck', 'chaz'],
  ['charlotte', 'charlie', 'lottie', 'lotte', 'lotty', 'char'],
  ['oliver', 'olly', 'ollie', 'oli', 'olie'],
  ['olivia', 'liv', 'livvy', 'livia', 'ollie'],
  ['henry', 'harry', 'hal', 'hank', 'hen'],
  ['harrison', 'harry', 'harri'],
  ['harriet', 'hattie', 'hatty', 'harri'],
  ['frederick', 'fred', 'freddie', 'freddy', 'fredrick', 'frederic'],
  ['theodore', 'theo', 'ted', 'teddy'],
  ['joshua', 'josh'],
  ['zachary', 'zach', 'zack', 'zak', 'zac'],
  ['isabella', 'isabelle', 'isabel', 'izzy', 'izzie', 'bella', 'issy', 'belle', 'isobel'],
  ['amelia', 'millie', 'emilia'],
  ['emily', 'em', 'emmy', 'millie', 'emilie'],
  ['emma', 'em', 'emmy'],
  ['sophia', 'sophie', 'sofia', 'sophy', 'soph'],
  ['abigail', 'abbie', 'abby', 'abi', 'gail'],
  ['rebecca', 'becky', 'becca', 'bex', 'becki'],
  ['jessica', 'jess', 'jessie', 'jessy'],
  ['victoria', 'vicky', 'vicki', 'tori', 'tory', 'vic'],
  ['jennifer', 'jen', 'jenny', 'jenna', 'jenni'],
  ['deborah', 'debbie', 'deb', 'debra'],
  ['susan', 'sue', 'suzy', 'susie', 'suzanne'],
  ['patricia', 'pat', 'patty', 'tricia', 'trish'],
  ['patrick', 'pat', 'paddy'],
  ['natalie', 'nat', 'nattie', 'natasha', 'tasha', 'tash'],
  ['georgia', 'georgina', 'georgie', 'gina'],
  ['george', 'georgie', 'geo'],
  ['eleanor', 'ellie', 'elly', 'nell', 'nellie', 'ella', 'elle', 'leonora', 'nora', 'elinor'],
  ['ellen', 'ellie', 'nell', 'nellie', 'elena'],
  ['madison', 'maddie', 'maddy'],
  ['madeleine', 'madeline', 'madelyn', 'maddie', 'maddy'],
  ['gabriel', 'gabe', 'gabi'],
  ['gabriella', 'gabrielle', 'gabby', 'gabi', 'ella'],
  ['nathaniel', 'nathan', 'nate', 'nat'],
  ['timothy', 'tim', 'timmy'],
  ['stephen', 'steven', 'steve', 'stevie', 'steph'],
  ['stephanie', 'steph', 'stef', 'stevie'],
  ['david', 'dave', 'davey', 'davy', 'dai'],
  ['peter', 'pete', 'pet'],
  ['philip', 'phillip', 'phil', 'pip'],
  ['leonard', 'leon', 'leo', 'len', 'lenny'],
  ['leonardo', 'leo'],
  ['alfred', 'alf', 'alfie', 'fred', 'freddie', 'alfy'],
  ['archibald', 'archie', 'archy', 'baldie'],
  ['stanley', 'stan'],
  ['louis', 'lewis', 'lou', 'louie', 'lui'],
  ['louise', 'louisa', 'lou', 'lulu'],
  ['muhammad', 'mohammed', 'mohammad', 'mohamed', 'muhammed', 'mohamad', 'mo', 'moe'],
  ['ahmed', 'ahmad', 'ahmet'],
  ['yusuf', 'yousef', 'yusef', 'joseph'],
  ['ibrahim', 'ebrahim', 'abraham', 'abe'],
  ['maryam', 'mariam', 'miriam', 'mary', 'maria', 'marie', 'molly', 'polly'],
  ['aisha', 'ayesha', 'aysha', 'ayisha'],
  ['fatima', 'fatimah', 'fatma'],
  ['jacob', 'jake', 'jakey', 'jac', 'jacoby'],
  ['jackson', 'jack', 'jax'],
  ['joanna', 'joanne', 'jo', 'jojo'],
  ['lucy', 'lucie', 'lu', 'luce', 'lucia'],
  ['lucas', 'luka', 'luca'],
  ['evelyn', 'evie', 'eve', 'evy', 'ev'],
  ['grace', 'gracie', 'gracey'],
  ['florence', 'flo', 'florrie', 'flossie'],
  ['penelope', 'penny', 'pen'],
  ['rosemary', 'rose', 'rosie', 'ro'],
  ['rosalind', 'ros', 'roz', 'rosie'],
  ['ronald', 'ron', 'ronnie', 'ronny'],
  ['donald', 'don', 'donnie'],
  ['kenneth', 'ken', 'kenny'],
  ['raymond', 'ray'],
  ['reginald', 'reg', 'reggie'],
  ['gerald', 'gerry', 'jerry', 'ged'],
  ['jeremy', 'jerry', 'jez'],
  ['gregory', 'greg', 'gregg'],
  ['jeffrey', 'geoffrey', 'jeff', 'geoff'],
  ['dominic', 'dom', 'dominik'],
  ['sebastian', 'seb', 'bastian', 'sebby'],
  ['maximilian', 'max', 'maxim', 'maxi'],
  ['maxwell', 'max'],
  ['tobias', 'toby', 'tobi'],
  ['reuben', 'ruben', 'rube'],
  ['abdullah', 'abdul', 'abdulla'],
  ['jayden', 'jaden', 'jaiden', 'jaydon', 'jay'],
  ['kayden', 'kaden', 'caden', 'kaiden'],
  ['aiden', 'aidan', 'ayden', 'aden'],
  ['connor', 'conor', 'con'],
  ['sean', 'shaun', 'shawn'],
  ['isaac', 'isaak', 'ike'],
  ['hannah', 'hanna', 'anna', 'annie'],
  ['anne', 'ann', 'anna', 'annie', 'nancy'],
  ['amanda', 'mandy', 'manda'],
  ['caroline', 'carol', 'carrie', 'caz', 'carolyn'],
  ['frances', 'fran', 'frankie', 'fanny'],
  ['francis', 'frank', 'frankie', 'fran'],
  ['francesca', 'fran', 'frankie', 'chesca', 'cesca'],
  ['dorothy', 'dot', 'dotty', 'dottie', 'dora'],
  ['agnes', 'aggie', 'nessa'],
  ['vanessa', 'nessa', 'ness'],
  ['ruby', 'rubie'],
  ['poppy', 'pops'],
  ['freya', 'freyja', 'freja'],
];

const groupsByName = new Map<string, number[]>();
GROUPS.forEach((group, index) => {
  for (const name of group) {
    const list = groupsByName.get(name);
    if (list) {
      if (!list.includes(index)) list.push(index);
    } else groupsByName.set(name, [index]);
  }
});

const NO_GROUPS: readonly number[] = [];

/** Indexes of the nickname groups a normalised forename belongs to (empty when none). */
export function nicknameGroups(name: string): readonly number[] {
  return groupsByName.get(name) ?? NO_GROUPS;
}

/** Whether two normalised forenames are the same name by the nickname table. */
export function areNicknames(a: string, b: string): boolean {
  const groupsA = nicknameGroups(a);
  if (groupsA.length === 0) return false;
  const groupsB = nicknameGroups(b);
  return groupsA.some((group) => groupsB.includes(group));
}

/**
 * A single canonical spelling for blocking: the formal name of the first group the name belongs to
 * ("bill" -> "william"), or the name itself. Names in several groups block under one of them only;
 * the other blocking rules (date of birth + surname) still bring such pairs together.
 */
export function canonicalForename(name: string): string {
  const groups = nicknameGroups(name);
  return groups.length > 0 ? GROUPS[groups[0]!]![0]! : name;
}
