// A tiny typed client for the KYC lookup: the request's variables and the answer's shape come from the generated types,
// so a field the bank may not read, or a misspelt one, is a compile error.
import type { KycLookupQuery, KycLookupQueryVariables } from './generated/graphql';

const kycLookup = `query KycLookup($personalId: ID!) {
  citizen(personalId: $personalId) {
    personalId fullName dateOfBirth sex nationality placeOfOrigin
    permanentAddress { provinceCode province district commune street }
    currentAddress { provinceCode province street }
  }
}`;

interface GraphQLError {
  message: string;
  path?: ReadonlyArray<string | number>;
  extensions?: { code?: string };
}

export interface Reply<T> {
  data?: T | null;
  errors?: GraphQLError[];
}

export async function lookUp(endpoint: string, token: string, variables: KycLookupQueryVariables): Promise<Reply<KycLookupQuery>> {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${token}`,
      'Content-Type': 'application/json',
      Accept: 'application/graphql-response+json',
    },
    body: JSON.stringify({ query: kycLookup, operationName: 'KycLookup', variables }),
  });
  return (await response.json()) as Reply<KycLookupQuery>;
}

/** The line a bank's onboarding screen shows: masked parts of an address come back null, not as an error. */
export function describe(reply: Reply<KycLookupQuery>): string {
  const citizen = reply.data?.citizen;
  if (!citizen) {
    return reply.errors?.map((e) => e.extensions?.code ?? e.message).join(', ') ?? 'not found';
  }

  const street: string | null = citizen.currentAddress?.street ?? null;
  const province: string | null = citizen.currentAddress?.province ?? null;
  return `${citizen.fullName ?? '?'}, born ${citizen.dateOfBirth ?? '?'}, lives in ${province ?? '?'}${street === null ? ' (street masked)' : `, ${street}`}`;
}
