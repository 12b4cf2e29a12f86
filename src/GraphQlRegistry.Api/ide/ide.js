// The registry's IDE: GraphiQL with a bearer-token field. GraphiQL introspects with the token, so each caller sees
// its own view of the schema; the token never leaves this page except in the Authorization header to /graphql.
(function () {
  'use strict';

  var examples = [
    {
      query: [
        '# KYC lookup: a credit institution reads a customer\'s identity.',
        '# Masked fields come back partly null; fields the grant does not cover come back',
        '# null with a FIELD_NOT_ENTITLED error at their path.',
        'query KycLookup($personalId: ID!) {',
        '  citizen(personalId: $personalId) {',
        '    personalId',
        '    fullName',
        '    dateOfBirth',
        '    religion',
        '    currentAddress { province street }',
        '  }',
        '}',
      ].join('\n'),
      variables: '{\n  "personalId": "000000000000"\n}',
    },
    {
      query: [
        '# What this token may read: the grant, its issuer, and every field with its mask.',
        'query MyEntitlements {',
        '  myEntitlements {',
        '    organizationName',
        '    organizationType',
        '    channel',
        '    grantId',
        '    grantedBy',
        '    grantedByUnitCode',
        '    validFrom',
        '    validTo',
        '    scopeUnitCode',
        '    purpose',
        '    fields { coordinate mask }',
        '  }',
        '}',
      ].join('\n'),
    },
    {
      query: [
        '# For a citizen token: who read which field of my record, newest first.',
        'query MyAccessHistory($after: String) {',
        '  myAccessHistory(first: 20, after: $after) {',
        '    edges { cursor node { time organizationName organizationType field decision purpose } }',
        '    pageInfo { hasNextPage endCursor }',
        '  }',
        '}',
      ].join('\n'),
    },
  ];

  var form = document.getElementById('registry-token');
  var input = document.getElementById('token');
  var state = document.getElementById('token-state');
  var root = ReactDOM.createRoot(document.getElementById('graphiql'));
  var storage = memoryStorage();

  function fetcherFor(token) {
    return GraphiQL.createFetcher({
      url: '/graphql',
      headers: token ? { Authorization: 'Bearer ' + token } : {},
    });
  }

  // Tabs, history and headers live in memory only: nothing the page saw (a token in the headers tab, a personal id in
  // the variables) stays in the browser's storage after the page is closed.
  function memoryStorage() {
    var items = new Map();
    return {
      get length() { return items.size; },
      key: function (index) { return Array.from(items.keys())[index] || null; },
      getItem: function (key) { return items.has(key) ? items.get(key) : null; },
      setItem: function (key, value) { items.set(key, String(value)); },
      removeItem: function (key) { items.delete(key); },
      clear: function () { items.clear(); },
    };
  }

  function render() {
    var token = input.value.trim();
    state.textContent = token ? 'Schema and results as this token sees them.' : 'No token: the server answers UNAUTHENTICATED.';
    // A new fetcher makes GraphiQL introspect again, now with the new token; the tabs stay as they are.
    root.render(React.createElement(GraphiQL, {
      fetcher: fetcherFor(token),
      defaultTabs: examples,
      storage: storage,
      defaultEditorToolsVisibility: 'variables',
      shouldPersistHeaders: false,
    }));
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    render();
  });
  render();
})();
