// Reads a GraphQL response to introspection-query.graphql (a file path, or stdin) and builds a client schema from
// it, as GraphiQL and codegen tools do. Exit 0 and the type count when graphql-js accepts it; exit 1 and why not.
import { readFileSync } from 'node:fs';
import { buildClientSchema, printSchema, validateSchema } from 'graphql';

const response = JSON.parse(readFileSync(process.argv[2] ?? 0, 'utf8'));
if (response.errors?.length || !response.data) {
  console.error('the introspection query was not answered:', JSON.stringify(response.errors ?? response));
  process.exit(1);
}

try {
  const schema = buildClientSchema(response.data, { assumeValid: false });
  const errors = validateSchema(schema);
  if (errors.length) {
    console.error('the schema is invalid:', errors.map((e) => e.message).join('; '));
    process.exit(1);
  }
  const directives = schema.getDirectives().map((d) => `${d.name}${d.isRepeatable ? ' (repeatable)' : ''}`);
  console.log(JSON.stringify({
    types: Object.keys(schema.getTypeMap()).length,
    directives,
    description: schema.description ?? null,
    sdlLength: printSchema(schema).length,
  }));
} catch (error) {
  console.error('buildClientSchema refused the answer:', error.message);
  process.exit(1);
}
