// Verifies one captured Standard Webhooks request with the npm `standardwebhooks` package, once per
// secret given: an independent implementation of the spec, to hold our signer to it.
// stdin: {"body": "...", "headers": {"webhook-id", "webhook-timestamp", "webhook-signature"}, "secrets": ["whsec_..."]}
// stdout: {"results": [{"secret": index, "ok": true|false, "error": "..."}]}
const { Webhook } = require("standardwebhooks");

let input = "";
process.stdin.on("data", (chunk) => (input += chunk));
process.stdin.on("end", () => {
  const { body, headers, secrets } = JSON.parse(input);
  const results = secrets.map((secret, i) => {
    try {
      const payload = new Webhook(secret).verify(body, headers);
      return { secret: i, ok: true, type: payload.type };
    } catch (e) {
      return { secret: i, ok: false, error: String(e.message || e) };
    }
  });
  process.stdout.write(JSON.stringify({ results }));
});
