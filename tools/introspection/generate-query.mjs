// Writes introspection-query.graphql: the document GraphiQL, Apollo, Postman and codegen tools send, with the options
// of issue 9 turned on. Left off: specifiedByUrl and inputValueDeprecation, which GraphQL.NET 8.8.5's introspection
// types do not offer (no __Type.specifiedByURL, no includeDeprecated on __Directive.args), so no server on it answers
// them. Run: node generate-query.mjs (after npm ci); commit the result.
import { writeFileSync } from 'node:fs';
import { getIntrospectionQuery } from 'graphql';

const query = getIntrospectionQuery({
  descriptions: true,
  directiveIsRepeatable: true,
  schemaDescription: true,
  oneOf: true,
});
writeFileSync(new URL('./introspection-query.graphql', import.meta.url), query + '\n');
