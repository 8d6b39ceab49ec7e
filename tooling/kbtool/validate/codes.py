"""The KB0xx family: problems found while loading and validating a file.

Each entry is the user documentation of its id. Loader codes (KB001-KB011)
come from reading bytes and YAML; schema codes (KB020-KB022) from the
published JSON Schema; the rest from checks the schema cannot express.
"""

from __future__ import annotations

from kbtool.model.finding import Severity
from kbtool.model.rule import RuleInfo

_E = Severity.ERROR


def _rule(id: str, slug: str, summary: str, doc: str) -> RuleInfo:
    return RuleInfo(id=id, slug=slug, severity=_E, summary=summary, doc=doc)


UNREADABLE_FILE = _rule("KB001", "unreadable-file", "The file cannot be read.",
    "The path is a directory, is missing, or the operating system refused to read it.")
FILE_TOO_LARGE = _rule("KB002", "file-too-large", "The file is larger than the size limit.",
    "Records are small; a file over the limit (1 MiB) is refused before parsing so that a "
    "pasted log or a hostile file cannot exhaust memory.")
INVALID_ENCODING = _rule("KB003", "invalid-encoding", "The file is not clean UTF-8 text.",
    "Files must be UTF-8 without a byte-order mark and without NUL bytes. The position of the "
    "first bad byte is reported.")
LINE_ENDINGS = _rule("KB004", "line-endings", "The file uses CR or CRLF line endings, or a Unicode line break.",
    "Files use LF line endings so that positions, diffs and hashes agree on every platform. "
    "Convert with `dos2unix FILE` or your editor's line-ending setting. YAML also breaks lines at "
    "U+0085, U+2028 and U+2029, which editors show inside a line: write them as escapes "
    "(`\\u2028`) in a double-quoted string.")
YAML_SYNTAX = _rule("KB005", "yaml-syntax", "The file is not valid YAML.",
    "The YAML parser stopped; the position is where it noticed the problem, which may be just "
    "after the real mistake (an unclosed quote, a tab used for indentation, a missing colon).")
DUPLICATE_KEY = _rule("KB006", "duplicate-key", "A mapping has the same key twice.",
    "YAML loaders silently keep the last value of a repeated key; we refuse it because one of "
    "the two values is always a mistake.")
ANCHOR_ALIAS = _rule("KB007", "anchor-alias", "The file uses anchors, aliases or merge keys.",
    "Anchors (`&a`), aliases (`*a`) and merge keys (`<<`) make text appear where it is not "
    "written, and nested aliases can expand exponentially (an alias bomb). Write values out.")
NON_STRING_KEY = _rule("KB008", "non-string-key", "A mapping key is not a string.",
    "Keys such as `1`, `yes`, `null` or a mapping are read as other types by YAML. Quote the key "
    "or rename it.")
YAML_TAG = _rule("KB009", "yaml-tag", "The file uses an explicit YAML tag.",
    "Tags such as `!!python/object` ask a loader to construct objects; records are plain data, "
    "so every explicit tag is refused.")
NESTING_TOO_DEEP = _rule("KB010", "nesting-too-deep", "Collections are nested too deeply.",
    "Records are at most a few levels deep; a file nested deeper than the limit (64) is refused "
    "before anything recursive touches it.")
NOT_A_MAPPING = _rule("KB011", "not-a-mapping", "The file is not exactly one YAML mapping.",
    "A record or registry file holds one YAML document whose top level is a mapping of keys. "
    "Empty files, lists at the top level and several `---` documents are refused.")
UNKNOWN_KEY = _rule("KB020", "unknown-key", "A key is not part of the format.",
    "Every mapping in a record has a closed set of keys (see the JSON Schema). A misspelt key "
    "would otherwise be ignored silently; the message suggests the closest known key.")
MISSING_KEY = _rule("KB021", "missing-key", "A required key is missing.",
    "The position is the start of the mapping that lacks the key.")
INVALID_VALUE = _rule("KB022", "invalid-value", "A value has the wrong type or form.",
    "Types, allowed values, patterns and lengths come from the JSON Schema. A number or date "
    "where text is expected usually needs quotes.")
ID_MISMATCH = _rule("KB023", "id-mismatch", "The record id does not match its file name.",
    "A record's `id` equals its file name without `.yaml`, and both are lowercase slugs, so "
    "links, translations and URLs can be derived from either.")
DUPLICATE_ID = _rule("KB024", "duplicate-id", "An id is used twice where ids must be unique.",
    "Cause, solution and source ids are anchors on the page and keys for translations; "
    "product and repository ids are keys for every record.")
UNKNOWN_PRODUCT = _rule("KB030", "unknown-product", "A product id is not in kb/products.yaml.",
    "`products` and the keys of `applies_to` name products of the registry.")
UNKNOWN_REPO = _rule("KB031", "unknown-repo", "A repository is not in kb/repos.yaml.",
    "Commit references name a repository of the registry, which says where its commits are "
    "listed for offline checks.")
INVALID_VERSION_RANGE = _rule("KB032", "invalid-version-range", "A version range cannot be read.",
    "Ranges are comma-separated PEP 440 comparators over CalVer versions, such as "
    "`>=2026.2.3, <2026.9`. A range may only name a product the record lists in `products`.")
COMMENT_CUTS_TEXT = _rule("KB033", "comment-cuts-text", "An unquoted text ends where a ` #` starts a comment.",
    "In YAML, ` #` after an unquoted (plain) value starts a comment, so `text: Issue #47 was "
    "not read.` stores just `Issue`. Quote the value (`\"Issue #47 was not read.\"`) or write it as "
    "a block (`>-`). A comment after a quoted value is fine.")
INVALID_SIGNATURE_REGEX = _rule("KB034", "invalid-signature-regex",
    "A signature's `regex` is not a valid regular expression.",
    "`kb match`, the site's \"Paste your error\" page and the lint rules run every signature, so a "
    "`regex` must compile (Python's `re`, with `re.ASCII`). The message quotes the compiler's reason "
    "and the position is the regex's. A `text` signature needs no escaping: it is matched as written.")
TRANSLATION_FILE_NAME = _rule("KB040", "translation-file-name",
    "A translation file's `record` or `lang` does not match where it is stored.",
    "A translation of record `x` into language `ja` is `i18n/ja/x.yaml` and says `record: x` "
    "and `lang: ja`; a copied file that still names another record would otherwise translate "
    "the wrong page.")
TRANSLATION_UNKNOWN_RECORD = _rule("KB041", "translation-unknown-record",
    "A translation file translates a record that does not exist.",
    "The record was renamed or deleted; rename the translation file with it, or delete it.")

ALL: tuple[RuleInfo, ...] = (
    UNREADABLE_FILE, FILE_TOO_LARGE, INVALID_ENCODING, LINE_ENDINGS, YAML_SYNTAX,
    DUPLICATE_KEY, ANCHOR_ALIAS, NON_STRING_KEY, YAML_TAG, NESTING_TOO_DEEP, NOT_A_MAPPING,
    UNKNOWN_KEY, MISSING_KEY, INVALID_VALUE, ID_MISMATCH, DUPLICATE_ID,
    UNKNOWN_PRODUCT, UNKNOWN_REPO, INVALID_VERSION_RANGE,
    COMMENT_CUTS_TEXT, INVALID_SIGNATURE_REGEX, TRANSLATION_FILE_NAME, TRANSLATION_UNKNOWN_RECORD,
)
