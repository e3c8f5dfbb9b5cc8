/**
 * Surnames that are one name written two ways: the spellings clerks use for the same family name
 * (Davies/Davis, Reid/Reed, McDonald/MacDonald, Hussain/Hussein). Each spelling is the name of many
 * children in its own right, so only this table, not their frequency, says the two may be one child
 * (comparison.ts treats two established spellings a letter apart as two names otherwise).
 * Spellings are normalised as text.ts does (lower-case letters only: O'Neill is "oneill").
 */
const GROUPS: readonly string[][] = [
  ['davies', 'davis', 'davey', 'davy'],
  ['thompson', 'thomson'],
  ['clarke', 'clark'],
  ['reid', 'reed', 'read', 'reade'],
  ['smith', 'smyth', 'smythe'],
  ['stevens', 'stephens'],
  ['stevenson', 'stephenson'],
  ['matthews', 'mathews'],
  ['phillips', 'philips'],
  ['nicholls', 'nichols', 'nicholl'],
  ['nicholson', 'nicolson'],
  ['gray', 'grey'],
  ['brown', 'browne'],
  ['green', 'greene'],
  ['white', 'whyte'],
  ['cook', 'cooke'],
  ['parks', 'parkes'],
  ['stewart', 'stuart'],
  ['shepherd', 'shepard', 'sheppard'],
  ['rogers', 'rodgers'],
  ['jeffries', 'jefferies', 'jeffreys', 'jefferys'],
  ['neal', 'neale', 'neil', 'neill'],
  ['oneill', 'oneil'],
  ['allen', 'allan'],
  ['anderson', 'andersen'],
  ['peterson', 'petersen'],
  ['hanson', 'hansen'],
  ['fisher', 'fischer'],
  ['walsh', 'welsh'],
  ['maguire', 'mcguire'],
  ['mcdonald', 'macdonald'],
  ['mckenzie', 'mackenzie'],
  ['mcleod', 'macleod'],
  ['mclean', 'maclean'],
  ['mcintosh', 'macintosh', 'mackintosh'],
  ['mccarthy', 'maccarthy'],
  ['mcgregor', 'macgregor'],
  ['hussain', 'hussein', 'husain'],
  ['ahmed', 'ahmad'],
  ['mohammed', 'muhammad', 'mohammad', 'mohamed'],
  ['rahman', 'rehman'],
  ['chowdhury', 'choudhury', 'chaudhry', 'chaudhary'],
  ['mensah', 'mensa'],
  ['nowak', 'novak'],
  ['kowalski', 'kowalsky'],
];

const groupOf = new Map<string, number>(GROUPS.flatMap((group, index) => group.map((name) => [name, index])));

/** Whether two normalised surnames are spellings of one name by the table. */
export function areSurnameVariants(a: string, b: string): boolean {
  const group = groupOf.get(a);
  return group !== undefined && group === groupOf.get(b);
}
