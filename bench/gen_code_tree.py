#!/usr/bin/env python3
"""Generates a deterministic monorepo-like code tree (many languages, configs, CI files, lockfiles,
minified bundles) with planted fake secrets and look-alike decoys, for benchmarking (stdlib only).

Same --seed and --size-mb give byte-identical output. Every planted secret is random and
synthetic. A manifest (JSON, written outside the tree) lists what was planted where
(path, first line, number of lines, kind).
"""
import argparse
import base64
import hashlib
import json
import math
import os
import random
import string
import sys
import zlib

WORDS = ("account audio batch buffer cache channel client config context count cursor data "
         "delivery device event export fetch file filter format frame handler header index item "
         "job key label language limit listener loader manager message meta model node offset "
         "option order page params parser payload policy queue record region report request "
         "response result retry route sample schema segment session speaker state status stream "
         "summary task timeout token topic transcript upload user value webhook word worker").split()
VERBS = ("build check close compute create decode delete encode fetch flush get handle init "
         "load merge normalize open parse poll post process push read refresh render reset "
         "resolve retry run save send serialize split start stop submit sync update upload "
         "validate write").split()
SERVICES = ("api gateway transcriber ingest billing auth webhooks search notifier exporter "
            "scheduler analytics media uploader realtime dashboard admin reporting").split()
HEX = "0123456789abcdef"
ALNUM = string.ascii_letters + string.digits
B62 = string.digits + string.ascii_uppercase + string.ascii_lowercase


class Gen:
    """Random helpers over one seeded generator (never the global one)."""

    def __init__(self, seed):
        self.r = random.Random(seed)

    def word(self):
        return self.r.choice(WORDS)

    def snake(self, n=2):
        return "_".join(self.r.choice(WORDS) for _ in range(n))

    def camel(self, n=2):
        w = [self.r.choice(WORDS) for _ in range(n)]
        return w[0] + "".join(x.title() for x in w[1:])

    def pascal(self, n=2):
        return "".join(self.r.choice(WORDS).title() for _ in range(n))

    def verb(self):
        return self.r.choice(VERBS)

    def num(self, hi=1000):
        return self.r.randint(0, hi)

    def hexs(self, n):
        return "".join(self.r.choice(HEX) for _ in range(n))

    def alnum(self, n):
        return "".join(self.r.choice(ALNUM) for _ in range(n))

    def sentence(self, lo=4, hi=12):
        return " ".join(self.r.choice(WORDS) for _ in range(self.r.randint(lo, hi))).capitalize()

    def uuid(self):
        h = self.hexs(32)
        return "%s-%s-4%s-a%s-%s" % (h[:8], h[8:12], h[13:16], h[17:20], h[20:32])

    def b64(self, nbytes):
        return base64.b64encode(bytes(self.r.getrandbits(8) for _ in range(nbytes))).decode()


# ---------------------------------------------------------------------------------------------
# Filler blocks per language. Each returns a string of several lines; they mention tokens,
# passwords and keys the way real code does (reads from the environment, parameters), so the
# scanners' keyword prefilters fire as often as they would on real code.

def py_block(g):
    f, a, b = g.snake(), g.word(), g.snake()
    return g.r.choice([
        'def {f}({a}, {b}=None):\n    """{s}."""\n    if {b} is None:\n        {b} = {{}}\n'
        '    result = [{a}.get(k) for k in {b} if k]\n    logger.debug("{f}: %d items", len(result))\n'
        '    return result\n\n',
        'class {P}({Q}):\n    timeout = {n}\n\n    def __init__(self, {a}, token=None):\n'
        '        self.{a} = {a}\n        self.token = token or os.environ.get("{U}_TOKEN")\n\n'
        '    def {f}(self):\n        return self.{a}.{v}(timeout=self.timeout)\n\n',
        'api_key = os.getenv("{U}_API_KEY")\nif not api_key:\n    raise RuntimeError("{s}")\n',
        '# {s}.\n{b} = {{"{a}": {n}, "retries": {m}, "password": settings.DB_PASSWORD}}\n',
        '@pytest.mark.parametrize("{a}", [{n}, {m}, None])\ndef test_{f}({a}):\n'
        '    assert {v}_{a}({a}) == expected_{a}({a})\n\n',
        'for {a} in {b}:\n    if {a}.status == "{w}":\n        queue.put(({a}.id, {a}.{w}))\n'
        '    else:\n        {a}.token = tokenizer.next_token()\n',
    ]).format(f=f, a=a, b=b, s=g.sentence(), P=g.pascal(), Q=g.pascal(), n=g.num(), m=g.num(9),
              U=g.word().upper(), v=g.verb(), w=g.word())


def js_block(g):
    f, a, b = g.camel(), g.word(), g.camel()
    return g.r.choice([
        'export async function {f}({a}, options = {{}}) {{\n  const {b} = await fetch(`${{baseUrl}}/{w}/${{{a}.id}}`, {{\n'
        '    headers: {{ authorization: `Bearer ${{options.token}}` }},\n  }});\n'
        '  if (!{b}.ok) throw new Error("{s}");\n  return {b}.json();\n}}\n\n',
        'const {b} = {{\n  {a}: {n},\n  retries: {m},\n  apiKey: process.env.{U}_API_KEY,\n  label: "{s}",\n}};\n\n',
        '// {s}\nfunction {f}({a}) {{\n  return {a}.filter((x) => x.{w} !== undefined).map((x) => x.{w} * {m});\n}}\n\n',
        'describe("{f}", () => {{\n  it("{s}", async () => {{\n    const res = await {f}({n});\n'
        '    expect(res.{w}).toEqual({m});\n  }});\n}});\n\n',
        'class {P} extends {Q} {{\n  constructor({a}) {{\n    super();\n    this.{a} = {a};\n'
        '    this.secretName = "{w}-secret";\n  }}\n\n  {f}() {{\n    return this.{a}?.{w} ?? null;\n  }}\n}}\n\n',
    ]).format(f=f, a=a, b=b, s=g.sentence(), P=g.pascal(), Q=g.pascal(), n=g.num(), m=g.num(9),
              U=g.word().upper(), w=g.word())


def ts_block(g):
    f, a = g.camel(), g.word()
    return g.r.choice([
        'export interface {P} {{\n  id: string;\n  {a}: number;\n  token?: string;\n  {w}: {Q}[];\n}}\n\n',
        'export const {f} = async ({a}: {P}): Promise<{Q}> => {{\n  const client = getClient();\n'
        '  const res = await client.{v}({{ id: {a}.id, limit: {n} }});\n  return res as {Q};\n}};\n\n',
        'type {P}Options = {{ timeoutMs?: number; apiKey?: string; {a}?: boolean }};\n'
        'const DEFAULTS: {P}Options = {{ timeoutMs: {n}, {a}: true }};\n\n',
    ]).format(f=f, a=a, P=g.pascal(), Q=g.pascal(), n=g.num(), v=g.verb(), w=g.word()) + \
        (js_block(g) if g.r.random() < 0.4 else "")


def go_block(g):
    f, a = g.pascal(), g.word()
    return g.r.choice([
        'func (s *{P}) {f}(ctx context.Context, {a} *{Q}) error {{\n\tif {a} == nil {{\n'
        '\t\treturn fmt.Errorf("{s}")\n\t}}\n\tfor i := 0; i < {m}; i++ {{\n'
        '\t\tif err := s.{v}(ctx, {a}); err != nil {{\n\t\t\tcontinue\n\t\t}}\n\t}}\n\treturn nil\n}}\n\n',
        'type {P} struct {{\n\t{Q}   string `json:"{a}"`\n\tToken  string `json:"token,omitempty"`\n'
        '\tLimit  int    `json:"limit"`\n}}\n\n',
        '// {s}.\nvar {a}Timeout = {n} * time.Millisecond\n\n',
        'func Test{f}(t *testing.T) {{\n\tgot := {f}({n})\n\tif got != {m} {{\n\t\tt.Fatalf("{s}: %v", got)\n\t}}\n}}\n\n',
    ]).format(f=f, a=a, P=g.pascal(), Q=g.pascal(1), s=g.sentence(), n=g.num(), m=g.num(9),
              v=g.camel())


def java_block(g):
    return g.r.choice([
        '    /** {s}. */\n    public {P} {f}(final {Q} {a}) throws IOException {{\n'
        '        Objects.requireNonNull({a}, "{a}");\n        final String token = config.getToken();\n'
        '        return repository.{v}({a}.getId(), token, {n});\n    }}\n\n',
        '    private static final int {U}_LIMIT = {n};\n    private final Map<String, {P}> {a}ById = new HashMap<>();\n\n',
        '    @Test\n    void {f}() {{\n        assertEquals({m}, service.{v}({n}));\n    }}\n\n',
    ]).format(f=g.camel(), a=g.word(), P=g.pascal(), Q=g.pascal(), s=g.sentence(), n=g.num(),
              m=g.num(9), v=g.camel(), U=g.word().upper())


def c_block(g):
    return g.r.choice([
        '/* {s}. */\nstatic int {f}(struct {a} *{b}, size_t len)\n{{\n\tsize_t i;\n\n'
        '\tfor (i = 0; i < len; i++) {{\n\t\tif ({b}[i].{w} > {n})\n\t\t\treturn -EINVAL;\n\t}}\n\treturn 0;\n}}\n\n',
        '#define {U}_MAX {n}\n#define {U}_TOKEN_LEN {m}\n',
        'struct {a} {{\n\tuint32_t {w};\n\tuint16_t flags;\n\tchar token[{m}];\n}};\n\n',
    ]).format(f=g.snake(), a=g.word(), b=g.word(), s=g.sentence(), n=g.num(), m=g.num(64),
              w=g.word(), U=g.snake().upper())


def cpp_block(g):
    return g.r.choice([
        'template <typename T>\nstd::vector<T> {f}(const std::vector<T>& {a}) {{\n'
        '  std::vector<T> out;\n  out.reserve({a}.size());\n  for (const auto& x : {a}) {{\n'
        '    if (x.{w}() > {n}) out.push_back(x);\n  }}\n  return out;\n}}\n\n',
        'class {P} final : public {Q} {{\n public:\n  explicit {P}(std::string token) : m_token(std::move(token)) {{}}\n'
        '  int {f}() const override;\n\n private:\n  std::string m_token;\n}};\n\n',
    ]).format(f=g.snake(), a=g.word(), P=g.pascal(), Q=g.pascal(), n=g.num(), w=g.word())


def rb_block(g):
    return g.r.choice([
        'def {f}({a}, token: nil)\n  token ||= ENV.fetch("{U}_TOKEN")\n  {a}.each do |item|\n'
        '    next unless item.{w}?\n    client.{v}(item.id, token: token)\n  end\nend\n\n',
        '# {s}\nclass {P} < ApplicationRecord\n  belongs_to :{w}\n  validates :{a}, presence: true\nend\n\n',
    ]).format(f=g.snake(), a=g.word(), U=g.word().upper(), w=g.word(), v=g.verb(),
              s=g.sentence(), P=g.pascal())


def php_block(g):
    return g.r.choice([
        'public function {f}(array ${a}): array\n{{\n    $token = getenv(\'{U}_TOKEN\');\n'
        '    return array_map(fn($x) => $x[\'{w}\'] ?? null, ${a});\n}}\n\n',
        '$config[\'{w}\'] = [\'limit\' => {n}, \'password\' => $_ENV[\'DB_PASSWORD\']];\n',
    ]).format(f=g.camel(), a=g.word(), U=g.word().upper(), w=g.word(), n=g.num())


def cs_block(g):
    return g.r.choice([
        '    public async Task<{P}> {F}Async({Q} {a}, CancellationToken cancellationToken)\n    {{\n'
        '        var token = _options.Value.Token;\n        var response = await _client.{V}Async({a}, token, cancellationToken);\n'
        '        return response.{W};\n    }}\n\n',
        '    private const int {F}Limit = {n};\n',
    ]).format(P=g.pascal(), F=g.pascal(), Q=g.pascal(), a=g.word(), V=g.pascal(1),
              W=g.pascal(1), n=g.num())


def rs_block(g):
    return g.r.choice([
        'pub fn {f}({a}: &[{P}]) -> Result<Vec<{P}>, Error> {{\n    let token = std::env::var("{U}_TOKEN")?;\n'
        '    {a}.iter()\n        .filter(|x| x.{w} > {n})\n        .map(|x| x.{v}(&token))\n        .collect()\n}}\n\n',
        '#[derive(Debug, Clone, Serialize, Deserialize)]\npub struct {P} {{\n    pub {a}: u64,\n    pub {w}: String,\n}}\n\n',
    ]).format(f=g.snake(), a=g.word(), P=g.pascal(), U=g.word().upper(), w=g.word(), n=g.num(),
              v=g.verb())


def kt_block(g):
    return 'fun {f}({a}: {P}): {Q}? {{\n    val token = System.getenv("{U}_TOKEN") ?: return null\n    return repo.{v}({a}.id, token)\n}}\n\n'.format(
        f=g.camel(), a=g.word(), P=g.pascal(), Q=g.pascal(), U=g.word().upper(), v=g.camel())


def swift_block(g):
    return 'func {f}(_ {a}: {P}) async throws -> {Q} {{\n    let token = ProcessInfo.processInfo.environment["{U}_TOKEN"] ?? ""\n    return try await client.{v}({a}, token: token)\n}}\n\n'.format(
        f=g.camel(), a=g.word(), P=g.pascal(), Q=g.pascal(), U=g.word().upper(), v=g.camel())


def sh_block(g):
    return g.r.choice([
        '{f}() {{\n  local {a}="$1"\n  if [[ -z "${{{U}_TOKEN:-}}" ]]; then\n    echo "{s}" >&2\n    return 1\n  fi\n'
        '  curl -fsS -H "Authorization: Bearer ${{{U}_TOKEN}}" "$BASE_URL/{w}/${a}"\n}}\n\n',
        'export {U}_LIMIT={n}\n',
    ]).format(f=g.snake(), a=g.word(), U=g.word().upper(), s=g.sentence(), w=g.word(), n=g.num())


def yaml_block(g):
    return g.r.choice([
        '{a}:\n  enabled: true\n  limit: {n}\n  token_secret_name: {w}-token\n  region: us-east-{m}\n',
        '- name: {a}\n  image: registry.example.com/{w}:{n}.{m}\n  env:\n    - name: {U}_PASSWORD\n'
        '      valueFrom:\n        secretKeyRef: {{name: {w}-secrets, key: password}}\n',
    ]).format(a=g.snake(), n=g.num(), w=g.word(), m=g.num(3), U=g.word().upper())


def json_block(g):
    return '  "{a}": {{"id": "{u}", "limit": {n}, "label": "{s}", "etag": "{h}"}},\n'.format(
        a=g.snake(), u=g.uuid(), n=g.num(), s=g.sentence(2, 5), h=g.hexs(32))


def md_block(g):
    return g.r.choice([
        '## {t}\n\n{s}. {s2}. See `{c}` for details.\n\n',
        '```bash\nexport ASSEMBLYAI_API_KEY=<your-api-key>\npython -m {a} --{w} {n}\n```\n\n',
        '- {s}\n- {s2}\n\n',
    ]).format(t=g.sentence(2, 4), s=g.sentence(), s2=g.sentence(), c=g.snake(), a=g.word(),
              w=g.word(), n=g.num())


def toml_block(g):
    return '[{a}]\nenabled = true\nlimit = {n}\nname = "{s}"\n\n'.format(
        a=g.snake(), n=g.num(), s=g.sentence(2, 4))


def css_block(g):
    return '.{a}-{b} {{\n  color: #{h};\n  margin: {n}px {m}px;\n}}\n\n'.format(
        a=g.word(), b=g.word(), h=g.hexs(6), n=g.num(40), m=g.num(40))


# extension -> (filler block function, comment prefix for the header)
LANGS = {
    "py": (py_block, "#"), "js": (js_block, "//"), "ts": (ts_block, "//"), "tsx": (ts_block, "//"),
    "go": (go_block, "//"), "java": (java_block, "//"), "c": (c_block, "//"), "h": (c_block, "//"),
    "cpp": (cpp_block, "//"), "rb": (rb_block, "#"), "php": (php_block, "//"),
    "cs": (cs_block, "//"), "rs": (rs_block, "//"), "kt": (kt_block, "//"),
    "swift": (swift_block, "//"), "sh": (sh_block, "#"), "yaml": (yaml_block, "#"),
    "json": (json_block, None), "md": (md_block, None), "toml": (toml_block, "#"),
    "css": (css_block, None),
}
LANG_WEIGHTS = [("py", 15), ("js", 10), ("ts", 10), ("tsx", 3), ("go", 10), ("java", 7),
                ("c", 4), ("h", 3), ("cpp", 3), ("rb", 3), ("php", 3), ("cs", 4), ("rs", 4),
                ("kt", 2), ("swift", 2), ("sh", 2), ("yaml", 4), ("json", 3), ("md", 5),
                ("toml", 1), ("css", 2)]


# ---------------------------------------------------------------------------------------------
# Planted secrets (synthetic, random) in the idioms real code uses. Each returns (text, kind).

def aai_key(g):
    k = g.hexs(32)
    while k.isdigit() or k.isalpha():
        k = g.hexs(32)
    return k


def github_token(g, prefix="ghp_"):
    body = g.alnum(30)
    crc = zlib.crc32(body.encode()) & 0xFFFFFFFF
    enc = ""
    while crc:
        crc, d = divmod(crc, 62)
        enc = B62[d] + enc
    return prefix + body + enc.rjust(6, "0")


def aws_key_id(g):
    return "AKIA" + "".join(g.r.choice(string.ascii_uppercase + "234567") for _ in range(16))


def aws_secret(g):
    return "".join(g.r.choice(ALNUM + "+/") for _ in range(40))


SECRETS_BY_EXT = {
    "py": [lambda g: ('aai.settings.api_key = "%s"\n' % aai_key(g), "assemblyai.python-sdk"),
           lambda g: ('client = assemblyai.Client(api_key="%s")\n' % aai_key(g), "assemblyai.python-sdk"),
           lambda g: ('HEADERS = {"authorization": "%s"}\nENDPOINT = "https://api.assemblyai.com/v2/transcript"\n'
                      % aai_key(g), "assemblyai.authorization-header"),
           lambda g: ('ASSEMBLYAI_API_KEY = "%s"\n' % aai_key(g), "assemblyai.assignment"),
           lambda g: ('aws_access_key_id = "%s"\naws_secret_access_key = "%s"\n'
                      % (aws_key_id(g), aws_secret(g)), "aws.key-pair"),
           lambda g: ('stripe.api_key = "sk_live_%s"\n' % g.alnum(24), "stripe.secret-key"),
           lambda g: ('GITHUB_TOKEN = "%s"\n' % github_token(g), "github.pat")],
    "js": [lambda g: ("const client = new AssemblyAI({ apiKey: '%s' });\n" % aai_key(g), "assemblyai.js-sdk"),
           lambda g: ("const transcriber = client.realtime.transcriber({\n  apiKey: \"%s\",\n  sampleRate: 16000,\n});\n"
                      % aai_key(g), "assemblyai.js-sdk"),
           lambda g: ("const slack = new WebClient('xoxb-%d-%d-%s');\n"
                      % (g.r.randint(10 ** 10, 10 ** 11), g.r.randint(10 ** 11, 10 ** 12), g.alnum(24)),
                      "slack.bot-token")],
    "ts": [lambda g: ("export const assemblyai = new AssemblyAI({\n  apiKey: \"%s\",\n});\n" % aai_key(g),
                      "assemblyai.js-sdk"),
           lambda g: ("const octokit = new Octokit({ auth: \"%s\" });\n" % github_token(g), "github.pat")],
    "go": [lambda g: ('\tclient := assemblyai.NewClient("%s")\n' % aai_key(g), "assemblyai.go-sdk"),
           lambda g: ('\tconst awsKeyID = "%s"\n\tconst awsSecretAccessKey = "%s"\n'
                      % (aws_key_id(g), aws_secret(g)), "aws.key-pair")],
    "java": [lambda g: ('        AssemblyAI client = AssemblyAI.builder()\n            .apiKey("%s")\n            .build();\n'
                        % aai_key(g), "assemblyai.java-sdk")],
    "rb": [lambda g: ("client = AssemblyAI::Client.new(api_key: '%s')\n" % aai_key(g), "assemblyai.ruby-sdk")],
    "cs": [lambda g: ('        var client = new AssemblyAIClient("%s");\n' % aai_key(g), "assemblyai.csharp-sdk")],
    "php": [lambda g: ("$stripe = new \\Stripe\\StripeClient('sk_live_%s');\n" % g.alnum(24), "stripe.secret-key")],
    "sh": [lambda g: ('curl -X POST https://api.assemblyai.com/v2/transcript \\\n  -H "authorization: %s" \\\n'
                      '  -d \'{"audio_url": "https://example.com/a.mp3"}\'\n' % aai_key(g), "assemblyai.authorization-header"),
           lambda g: ("export ASSEMBLYAI_API_KEY=%s\n" % aai_key(g), "assemblyai.shell-set")],
    "yaml": [lambda g: ("assemblyai:\n  api_key: %s\n" % aai_key(g), "assemblyai.assignment"),
             lambda g: ("aws:\n  access_key_id: %s\n  secret_access_key: %s\n" % (aws_key_id(g), aws_secret(g)),
                        "aws.key-pair")],
}

# Look-alikes that must not be reported: checksums, ids, lockfile hashes, placeholders.
DECOYS_BY_EXT = {
    "py": [lambda g: 'EXPECTED_MD5 = "%s"  # md5 of the fixture audio\n' % g.hexs(32),
           lambda g: 'TRANSCRIPT_ID = "%s"\n' % g.uuid(),
           lambda g: 'aai.settings.api_key = os.environ["ASSEMBLYAI_API_KEY"]\n',
           lambda g: 'aai.settings.api_key = "YOUR_API_KEY"\n',
           lambda g: 'commit_sha = "%s"\n' % g.hexs(40)],
    "js": [lambda g: "const apiKey = process.env.ASSEMBLYAI_API_KEY;\n",
           lambda g: "const etag = '\"%s\"';\n" % g.hexs(32),
           lambda g: "const requestId = '%s';\n" % g.uuid()],
    "ts": [lambda g: "const client = new AssemblyAI({ apiKey: process.env.ASSEMBLYAI_API_KEY! });\n",
           lambda g: "export const CHECKSUM_SHA256 = \"%s\";\n" % g.hexs(64)],
    "go": [lambda g: '\tclient := assemblyai.NewClient(os.Getenv("ASSEMBLYAI_API_KEY"))\n',
           lambda g: '\tconst wantMD5 = "%s"\n' % g.hexs(32)],
    "md": [lambda g: "    %s  release.tar.gz\n" % g.hexs(32),
           lambda g: "Transcript `%s` was processed in commit %s.\n" % (g.uuid(), g.hexs(40))],
    "yaml": [lambda g: "checksum: sha256:%s\n" % g.hexs(64),
             lambda g: "api_key: ${ASSEMBLYAI_API_KEY}\n"],
    "json": [lambda g: '  "md5": "%s",\n' % g.hexs(32),
             lambda g: '  "transcript_id": "%s",\n' % g.uuid()],
}


# ---------------------------------------------------------------------------------------------
# Whole special files: lockfiles (hash-dense decoys), CI workflows, env files, bundles.

def package_lock(g, n):
    out = ['{\n  "name": "%s",\n  "lockfileVersion": 3,\n  "packages": {\n' % g.word()]
    for i in range(n):
        name = "%s-%s" % (g.word(), g.word())
        out.append('    "node_modules/%s": {\n      "version": "%d.%d.%d",\n'
                   '      "resolved": "https://registry.npmjs.org/%s/-/%s-%d.%d.%d.tgz",\n'
                   '      "integrity": "sha512-%s",\n      "dev": true\n    },\n'
                   % (name, g.num(9), g.num(20), g.num(30), name, name, 1, 2, 3, g.b64(64)))
    out.append('    "": {}\n  }\n}\n')
    return "".join(out)


def yarn_lock(g, n):
    out = ["# THIS IS AN AUTOGENERATED FILE. DO NOT EDIT THIS FILE DIRECTLY.\n# yarn lockfile v1\n\n"]
    for _ in range(n):
        name = "%s-%s" % (g.word(), g.word())
        out.append('"%s@^%d.%d.0":\n  version "%d.%d.%d"\n  resolved "https://registry.yarnpkg.com/%s/-/%s.tgz#%s"\n'
                   '  integrity sha512-%s\n\n' % (name, g.num(9), g.num(9), g.num(9), g.num(9), g.num(9),
                                                  name, name, g.hexs(40), g.b64(64)))
    return "".join(out)


def go_sum(g, n):
    out = []
    for _ in range(n):
        mod = "github.com/%s/%s" % (g.word(), g.snake())
        v = "v%d.%d.%d" % (g.num(3), g.num(30), g.num(30))
        out.append("%s %s h1:%s\n%s %s/go.mod h1:%s\n" % (mod, v, g.b64(32), mod, v, g.b64(32)))
    return "".join(out)


def cargo_lock(g, n):
    out = ["# This file is automatically @generated by Cargo.\nversion = 3\n\n"]
    for _ in range(n):
        out.append('[[package]]\nname = "%s"\nversion = "%d.%d.%d"\nsource = "registry+https://github.com/rust-lang/crates.io-index"\n'
                   'checksum = "%s"\n\n' % (g.snake(), g.num(3), g.num(30), g.num(30), g.hexs(64)))
    return "".join(out)


def poetry_lock(g, n):
    out = []
    for _ in range(n):
        out.append('[[package]]\nname = "%s"\nversion = "%d.%d"\nfiles = [\n    {file = "%s.whl", hash = "sha256:%s"},\n]\n\n'
                   % (g.word(), g.num(9), g.num(9), g.word(), g.hexs(64)))
    return "".join(out)


def workflow(g, secret):
    env_line = ("      ASSEMBLYAI_API_KEY: %s\n" % aai_key(g)) if secret else \
        "      ASSEMBLYAI_API_KEY: ${{ secrets.ASSEMBLYAI_API_KEY }}\n"
    return ("name: %s\non:\n  push:\n    branches: [main]\njobs:\n  test:\n    runs-on: ubuntu-latest\n"
            "    env:\n%s      NODE_ENV: test\n    steps:\n      - uses: actions/checkout@v4\n"
            "      - uses: actions/setup-node@v4\n        with:\n          node-version: 20\n"
            "      - run: npm ci && npm test -- --runInBand\n" % (g.sentence(2, 3), env_line))


def env_file(g, secret):
    lines = ["# %s\n" % g.sentence(), "NODE_ENV=production\n", "PORT=%d\n" % g.r.randint(3000, 9000),
             "DATABASE_URL=postgres://app@db:5432/%s\n" % g.word()]
    if secret:
        lines.append("ASSEMBLYAI_API_KEY=%s\n" % aai_key(g))
    else:
        lines.append("ASSEMBLYAI_API_KEY=your-api-key-here\n")
    return "".join(lines)


def bundle(g, size, secret):
    parts = ['!function(){"use strict";']
    total = 0
    planted = False
    while total < size:
        s = ('var %s=function(e,t){return e.%s?t.%s(e):null},%s={%s:%d,%s:"%s"};'
             % (g.alnum(2), g.word(), g.verb(), g.alnum(2), g.word(), g.num(), g.word(), g.sentence(2, 5)))
        if secret and not planted and total > size // 2:
            s += 'const Zt=new AssemblyAI({apiKey:"%s"});' % aai_key(g)
            planted = True
        parts.append(s)
        total += len(s)
    parts.append("}();\n")
    return "".join(parts), planted


# ---------------------------------------------------------------------------------------------

def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    return len(text.encode("utf-8"))


def source_file(g, ext, size, planted, decoys, rel):
    """Builds one source file of about `size` bytes; may plant a secret and decoys."""
    block_fn, comment = LANGS[ext]
    blocks = []
    if comment:
        blocks.append("%s %s\n%s Copyright %d %s Inc.\n\n" % (comment, g.sentence(), comment,
                                                              2015 + g.num(9), g.pascal(1)))
    total = sum(len(b) for b in blocks)
    while total < size:
        b = block_fn(g)
        blocks.append(b)
        total += len(b)
    if ext in DECOYS_BY_EXT and g.r.random() < 0.25:
        for _ in range(g.r.randint(1, 3)):
            blocks.insert(g.r.randint(1, len(blocks)), g.r.choice(DECOYS_BY_EXT[ext])(g))
            decoys[0] += 1
    if ext in SECRETS_BY_EXT and g.r.random() < 0.06:
        text, kind = g.r.choice(SECRETS_BY_EXT[ext])(g)
        pos = g.r.randint(1, len(blocks))
        line = sum(b.count("\n") for b in blocks[:pos]) + (2 if ext == "json" else 1)
        blocks.insert(pos, text)
        planted.append({"path": rel, "line": line, "lines": text.count("\n"), "kind": kind})
    if ext == "json":
        return "{\n" + "".join(blocks) + '  "end": null\n}\n'
    return "".join(blocks)


def generate(out, seed, size_mb):
    """Writes the tree under `out`; returns the manifest dict."""
    g = Gen(seed)
    budget = int(size_mb * 1024 * 1024)
    written = 0
    files = 0
    planted, decoys = [], [0]
    exts = [e for e, _ in LANG_WEIGHTS]
    weights = [w for _, w in LANG_WEIGHTS]
    names_used = set()
    service_no = 0
    while written < budget:
        svc = "%s-%s" % (g.r.choice(SERVICES), service_no)
        service_no += 1
        root = os.path.join(out, g.r.choice(["services", "packages", "apps", "libs"]), svc)
        # Per-project files: CI, env, lockfiles, sometimes a built bundle.
        rel = os.path.relpath(root, out)
        specials = [(".github/workflows/ci.yml", workflow(g, g.r.random() < 0.1)),
                    (".env.example", env_file(g, False))]
        if g.r.random() < 0.3:
            secret = g.r.random() < 0.5
            specials.append((".env", env_file(g, secret)))
            if secret:
                planted.append({"path": rel + "/.env", "line": 5, "lines": 1, "kind": "assemblyai.env"})
        lock = g.r.choice([("package-lock.json", package_lock), ("yarn.lock", yarn_lock),
                           ("go.sum", go_sum), ("Cargo.lock", cargo_lock), ("poetry.lock", poetry_lock)])
        specials.append((lock[0], lock[1](g, g.r.randint(50, 600))))
        for name, text in specials:
            written += write(os.path.join(root, name), text)
            files += 1
        if specials[0][1].count("secrets.") == 0:
            planted.append({"path": rel + "/.github/workflows/ci.yml", "line": 9, "lines": 1,
                            "kind": "assemblyai.ci"})
        if g.r.random() < 0.35:
            text, has = bundle(g, int(min(3e6, g.r.lognormvariate(math.log(4e5), 0.6))), g.r.random() < 0.3)
            name = "dist/assets/index-%s.js" % g.hexs(8)
            written += write(os.path.join(root, name), text)
            files += 1
            if has:
                planted.append({"path": rel + "/" + name, "line": 1, "lines": 1,
                                "kind": "assemblyai.bundle"})
        # Source files of the project.
        for _ in range(g.r.randint(20, 150)):
            ext = g.r.choices(exts, weights)[0]
            sub = "/".join(g.word() for _ in range(g.r.randint(1, 3)))
            base = g.snake(g.r.randint(1, 2))
            rel_file = "%s/src/%s/%s.%s" % (rel, sub, base, ext)
            if rel_file in names_used:
                continue
            names_used.add(rel_file)
            size = int(min(2e6, max(200, g.r.lognormvariate(math.log(9000), 1.1))))
            text = source_file(g, ext, size, planted, decoys, rel_file)
            written += write(os.path.join(out, rel_file), text)
            files += 1
            if written >= budget:
                break
    kinds = {}
    for p in planted:
        kinds[p["kind"]] = kinds.get(p["kind"], 0) + 1
    return {"generator": "gen_code_tree.py", "seed": seed, "size_mb": size_mb, "bytes": written,
            "files": files, "planted_count": len(planted), "planted_by_kind": dict(sorted(kinds.items())),
            "decoys": decoys[0], "planted": planted}


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", required=True, help="directory to create (must not exist)")
    ap.add_argument("--manifest", required=True, help="JSON file listing what was planted")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--size-mb", type=float, default=200)
    args = ap.parse_args()
    if os.path.exists(args.out):
        sys.exit("gen_code_tree: %s exists" % args.out)
    manifest = generate(args.out, args.seed, args.size_mb)
    with open(args.manifest, "w", encoding="utf-8") as f:
        json.dump(manifest, f, indent=1)
    print("gen_code_tree: %d files, %.1f MB, %d planted secrets, %d decoys -> %s"
          % (manifest["files"], manifest["bytes"] / 1e6, manifest["planted_count"],
             manifest["decoys"], args.out), file=sys.stderr)


if __name__ == "__main__":
    main()
