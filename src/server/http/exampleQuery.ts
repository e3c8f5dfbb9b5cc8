/** The query `npm start` prints and GraphiQL opens with: one child across the four systems. */
export const EXAMPLE_QUERY = `# One child across the four systems. In development, pick a role under "View as" and
# run again to see what that role may see; elsewhere, put a bearer token in Headers.
query OneChild($id: ID!) {
  child(id: $id, purpose: "Exploring the hub") {
    id
    access { relationship withheld }
    name { forename surname }
    dateOfBirth
    flags { onChildProtectionPlan lookedAfter childInNeed ehcp senSupport }
    sources { system status asOf }
    socialCare { caseStatus referrals(first: 3) { nodes { date primaryNeed } } }
    education { currentSetting { settingName phase } }
    frontDoor { contacts(first: 3) { nodes { date route rag decision } } }
    finance { costThisFinancialYear projectedToYearEnd }
    chronology(first: 10) { nodes { date system kind summary } }
  }
}
`;
