// The page's only way to data: GraphQL requests to this server with the citizen's bearer token.

export class RegistryApi {
  #token;

  constructor(token) {
    this.#token = token;
  }

  async query(query, variables = {}) {
    const response = await fetch("/graphql", {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        Accept: "application/graphql-response+json",
        Authorization: `Bearer ${this.#token}`,
      },
      body: JSON.stringify({ query, variables }),
    });
    const body = await response.json().catch(() => ({}));
    if (!body.data) {
      const code = body.errors?.[0]?.extensions?.code ?? `HTTP ${response.status}`;
      throw new Error(code);
    }

    return body;
  }

  /** Every page of the caller's history, newest first, handing each page to onPage as it arrives. */
  async eachHistoryPage(selection, onPage) {
    let after = null;
    for (;;) {
      const body = await this.query(
        `query History($after: String) { myAccessHistory(first: 500, after: $after) { nodes { ${selection} } pageInfo { hasNextPage endCursor } } }`,
        { after });
      const page = body.data.myAccessHistory;
      await onPage(page.nodes);
      if (!page.pageInfo.hasNextPage) {
        return;
      }

      after = page.pageInfo.endCursor;
    }
  }
}

export const historySelection =
  "time requestId organizationName organizationType field decision mask purpose grantId grantAuthority channel throughRelative flags { kind reason time }";

export const meQuery = `query Me { me {
  personalId fullName dateOfBirth sex nationality ethnicity religion bloodType placeOfOrigin birthRegistrationPlace maritalStatus
  permanentAddress { provinceCode province district commune street }
  currentAddress { provinceCode province district commune street }
  father { personalId fullName } mother { personalId fullName } spouse { personalId fullName }
  householdHead { head { personalId fullName } relationship }
  dateOfDeath } }`;

export const flagMutation =
  "mutation Flag($requestId: ID!, $kind: AccessFlagKind!, $reason: String) { flagAccess(requestId: $requestId, kind: $kind, reason: $reason) { requestId kind reason time } }";
