/** The query `npm start` prints and GraphiQL opens with: one child across the four systems. */
export const EXAMPLE_QUERY = `# Paste the token npm start printed into Headers, put a child id in Variables
# (npm start prints one, e.g. {"id": "lcs:1001095"}), then run.
query OneChild($id: ID!) {
  child(id: $id, purpose: "Exploring the hub") {
    id
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
