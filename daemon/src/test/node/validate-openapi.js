// Validates an OpenAPI document with @apidevtools/swagger-parser (an independent validator: schema and
// semantics, e.g. unique operationIds and path parameters). Usage: node validate-openapi.js FILE
// Prints {"ok":true,"operations":N} or {"ok":false,"error":"..."}; exits 1 when invalid.
const SwaggerParser = require("@apidevtools/swagger-parser");

SwaggerParser.validate(process.argv[2])
  .then((api) => {
    let operations = 0;
    for (const item of Object.values(api.paths || {})) {
      operations += Object.keys(item).filter((k) => ["get", "put", "post", "delete", "patch"].includes(k)).length;
    }
    console.log(JSON.stringify({ ok: true, operations }));
  })
  .catch((err) => {
    console.log(JSON.stringify({ ok: false, error: String(err && err.message ? err.message : err) }));
    process.exitCode = 1;
  });
