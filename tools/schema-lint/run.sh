#!/usr/bin/env bash
# graphql-schema-linter 3.0.1 over the reviewed SDL: every type, field, argument, input value and enum value described
# (capitalised), naming conventions, no unused type, no deprecation without a reason, and the Relay connection rules.
# The alphabetical-order rules stay off: the SDL is ordered for readers, related fields together.
set -euo pipefail
cd "$(dirname "$0")"
[ -d node_modules ] || npm ci --no-audit --no-fund --loglevel=error
rules=(
  arguments-have-descriptions defined-types-are-used deprecations-have-a-reason descriptions-are-capitalized
  enum-values-all-caps enum-values-have-descriptions fields-are-camel-cased fields-have-descriptions
  input-object-values-are-camel-cased input-object-values-have-descriptions relay-connection-arguments-spec
  relay-connection-types-spec relay-page-info-spec types-are-capitalized types-have-descriptions
)
npx --no-install graphql-schema-linter --rules "$(IFS=,; echo "${rules[*]}")" ../../schema/registry.graphql
