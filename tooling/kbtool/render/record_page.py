"""One record's page in one language, as Markdown for MkDocs + Material.

The page reads top to bottom the way a reader works through an error: the
exact messages (to confirm it is this error), symptoms, causes, numbered
solutions with a "verify" part, the versions it applies to, then the
evidence: related records, commits, corrections of what some guides say,
sources and what was verified. Every anchor is an id from the record (or a
fixed English one), so links and the language switcher land on the same
place in every language.
"""

from __future__ import annotations

import html
from collections.abc import Callable

from babel.numbers import format_percent

from kbtool.errors import RenderError
from kbtool.i18n.status import RecordStatus, State, record_status
from kbtool.i18n.units import with_texts
from kbtool.model.record import Record, Solution, Step
from kbtool.render import markup
from kbtool.render.context import Site, alternates
from kbtool.render.languages import language
from kbtool.render.links import SECTION_ANCHORS, LinkTargets, record_page, relative
from kbtool.render.localize import language_name, long_date, version_range, words
from kbtool.render.record_markdown import TextContext, render_blocks, render_inline
from kbtool.render.ui_text import N_, label, list_separator, t

#: Highlighting (Pygments lexer) for each shell and file format of the record format.
SHELL_LEXER = {"bash": "bash", "powershell": "powershell", "cmd": "bat"}
FORMAT_LEXER = {"json": "json", "json5": "json", "yaml": "yaml", "toml": "toml", "dotenv": "ini"}


_VERDICT = {"false": N_("False"), "outdated": N_("Outdated"), "partly-true": N_("Partly true"),
            "unverified": N_("Unverified")}
_SOURCE_KIND = {"blog": N_("blog post"), "issue": N_("issue"), "pull-request": N_("pull request"),
                "docs": N_("documentation"), "source-code": N_("source code"), "commit": N_("commit"),
                "forum": N_("forum thread")}

#: CSS class of the error-string blocks (overrides/assets/stylesheets/kb.css wraps their long lines).
ERROR_CLASS = "kb-error"

#: Search ranking: a record page outranks an index page listing the same error string.
RECORD_SEARCH_BOOST = 2


def render_record_page(record: Record, site: Site, lang: str) -> str:
    """The Markdown page of ``record`` in ``lang`` (RenderError when its text cannot be published)."""
    page = record_page(record.id)
    _check_anchors(record)
    status = None
    if lang != record.lang:
        status = record_status(record, lang, site.translations.get((lang, record.id)))
        record = with_texts(record, status.current_texts())
    # A page with nothing translated says so once, at the top, rather than at every field.
    fallback = {key: str(state) for key, state in status.states().items()
                if state is not State.CURRENT} if status and status.count(State.MISSING) < status.total else {}
    ctx = TextContext(page, record.id, site.links, fallback, record.lang)
    blocks: list[list[str]] = [
        markup.front_matter(_meta(record, site, page, lang)),
        [f"# {_inline_text(record, 'title', 'title', record.title, ctx, lang, markdown=False)}"],
        _translation_note(record, site, page, lang, status),
        _block_text(record, "summary", "summary", record.summary, ctx, lang),
        _error_messages(record, lang),
        _symptoms(record, ctx, lang),
        _causes(record, ctx, lang),
        _solutions(record, site, ctx, lang),
        _applies_to(record, site, lang),
        _related(record, site, lang),
        _commits(record, site, ctx, lang),
        _corrections(record, ctx, lang),
        _sources(record, lang),
        _verification(record, ctx, lang),
        _footer(record, site, lang),
    ]
    return "\n".join(markup.join_blocks(blocks)) + "\n"


def _meta(record: Record, site: Site, page: str, lang: str) -> dict[str, object]:
    tags: list[str] = list(record.tags)
    if record.close_code is not None:
        tags.append(str(record.close_code))
    return {
        # Material writes the front-matter title into <title> and the header without escaping, and
        # would otherwise take it from the <h1> through Jinja's striptags, which unescapes entities
        # (a title "</title><script>" would become markup). So we give it, escaped, ourselves.
        "title": html.escape(record.title),
        "tags": tags,
        "search": {"boost": RECORD_SEARCH_BOOST},
        "kb_record": record.id,
        "kb_alternates": [a.as_meta() for a in alternates(page, language(lang), site.languages)],
    }


def _check_anchors(record: Record) -> None:
    seen: dict[str, str] = {anchor: "a section of the page" for anchor in SECTION_ANCHORS}
    ids = [(c.id, f"cause `{c.id}`") for c in record.causes]
    ids += [(s.id, f"solution `{s.id}`") for s in record.solutions]
    ids += [(f"{s.id}-verify", f"the verify part of solution `{s.id}`") for s in record.solutions if s.verify]
    for anchor, what in ids:
        if anchor in seen:
            raise RenderError(f"{record.path}: {what} and {seen[anchor]} have the same page anchor `{anchor}`; "
                              "rename one of them")
        seen[anchor] = what


def _field(record: Record, where: str, render: Callable[[], list[str]]) -> list[str]:
    """Run a renderer now, naming the record file and field in any RenderError."""
    try:
        return render()
    except RenderError as exc:
        raise RenderError(f"{record.path}: {where}: {exc}") from None


def _block_text(record: Record, where: str, key: str, text: str, ctx: TextContext, lang: str) -> list[str]:
    """A Markdown field; shown in the source language, marked so, when its translation is not current."""
    body = _field(record, where, lambda: render_blocks(text, ctx))
    state = ctx.fallback.get(key)
    if state is None:
        return body
    source = language_name(ctx.source_lang, lang)
    note = (t(lang, "The translation of this part is out of date; the {language} original is shown.", language=source)
            if state == "outdated" else
            t(lang, "This part is not translated yet; the {language} original is shown.", language=source))
    hreflang = language(ctx.source_lang).hreflang
    return [f"*{markup.escape_text(note)}*", f"{{: .kb-fallback-note .kb-{state} }}", "",
            *markup.paragraph_attributes(body, f'lang="{hreflang}"')]


def _inline_text(record: Record, where: str, key: str, text: str, ctx: TextContext, lang: str,
                 markdown: bool = True) -> str:
    """A one-line field (a title, a claim); in the source language with a short note when not current."""
    shown = _field(record, where, lambda: [render_inline(text, ctx)])[0] if markdown else markup.escape_text(text)
    state = ctx.fallback.get(key)
    if state is None:
        return shown
    note = t(lang, "({language} original)", language=language_name(ctx.source_lang, lang))
    return (f'<span lang="{language(ctx.source_lang).hreflang}">{shown}</span> '
            f'<small class="kb-fallback-note kb-{state}">{html.escape(note)}</small>')


def _translation_note(record: Record, site: Site, page: str, lang: str, status: RecordStatus | None) -> list[str]:
    """How complete and current this page's translation is, with a link to the original."""
    if status is None:
        return []
    source = language_name(record.lang, lang)
    original = next((a.link for a in alternates(page, language(lang), site.languages) if a.lang == record.lang), None)
    # Raw HTML: the original lives in another language's MkDocs build, outside this one's docs, so MkDocs
    # must not try to resolve it (the built-site link check covers it).
    link = (f' <a href="{html.escape(original)}" hreflang="{language(record.lang).hreflang}">'
            f'{html.escape(t(lang, "Read the {language} original.", language=source))}</a>' if original else "")
    current, outdated, missing = (status.count(s) for s in (State.CURRENT, State.OUTDATED, State.MISSING))
    if not current and not outdated:
        text = t(lang, "This page has not been translated yet; showing the original text in {language}.",
                 language=source)
        return markup.admonition("info", t(lang, "Not translated yet"), [markup.escape_text(text) + link])
    if not outdated and not missing:
        text = t(lang, "Translated from the {language} original; every part of the translation is current.",
                 language=source)
        return [markup.escape_text(text) + link + "\n{: .kb-translation-status }"]
    text = t(lang, "{percent} of this page is translated and current: {outdated} parts are out of date and "
                   "{missing} are not translated yet; they are shown in {language}, marked as such.",
             percent=format_percent(status.percent / 100, locale=lang), outdated=outdated, missing=missing,
             language=source)
    return markup.admonition("warning", t(lang, "Translation incomplete"), [markup.escape_text(text) + link])


def _error_messages(record: Record, lang: str) -> list[str]:
    blocks: list[list[str]] = [[markup.heading(2, markup.escape_text(t(lang, "Error messages")), "error-messages")]]
    for signature in record.signatures:
        if signature.text is not None:
            blocks.append(markup.fence(signature.text, css_class=ERROR_CLASS))
        if signature.examples:
            blocks.append(markup.fence("\n".join(signature.examples), css_class=ERROR_CLASS))
        elif signature.regex is not None:
            blocks.append(markup.fence(signature.regex, title=t(lang, "Pattern"), css_class=ERROR_CLASS))
    if record.close_code is not None:
        blocks.append([f"{markup.escape_text(label(lang, 'Close code'))}{markup.code_span(str(record.close_code))}"])
    return markup.join_blocks(blocks)


def _symptoms(record: Record, ctx: TextContext, lang: str) -> list[str]:
    if not record.symptoms:
        return []
    lines = [markup.heading(2, markup.escape_text(t(lang, "Symptoms")), "symptoms"), ""]
    for i, symptom in enumerate(record.symptoms):
        body = _block_text(record, f"symptoms[{i}]", f"symptoms.{i}", symptom, ctx, lang)
        lines += markup.list_item("-", body)
    return lines


def _cause_title(record: Record, index: int, lang: str, ctx: TextContext | None = None) -> str:
    """The cause's title as Markdown (marked when shown untranslated and ``ctx`` is given)."""
    cause = record.causes[index]
    if not cause.title:
        return markup.escape_text(t(lang, "Cause {number}", number=index + 1))
    if ctx is None:
        return render_inline(cause.title, TextContext("", record.id, LinkTargets({})))
    return _inline_text(record, f"causes[{index}].title", f"causes.{cause.id}.title", cause.title, ctx, lang)


def _causes(record: Record, ctx: TextContext, lang: str) -> list[str]:
    blocks: list[list[str]] = [[markup.heading(2, markup.escape_text(t(lang, "Causes")), "causes")]]
    for i, cause in enumerate(record.causes):
        blocks.append([markup.heading(3, _cause_title(record, i, lang, ctx), cause.id)])
        blocks.append(_block_text(record, f"causes[{i}].text", f"causes.{cause.id}.text", cause.text, ctx, lang))
    return markup.join_blocks(blocks)


def _solutions(record: Record, site: Site, ctx: TextContext, lang: str) -> list[str]:
    blocks: list[list[str]] = [[markup.heading(2, markup.escape_text(t(lang, "Solutions")), "solutions")]]
    for i, solution in enumerate(record.solutions):
        blocks += _solution(record, site, i, solution, ctx, lang)
    return markup.join_blocks(blocks)


def _solution(record: Record, site: Site, index: int, solution: Solution, ctx: TextContext, lang: str) -> list[list[str]]:
    where = f"solutions[{index}]"
    key = f"solutions.{solution.id}"
    title = _inline_text(record, f"{where}.title", f"{key}.title", solution.title, ctx, lang)
    blocks = [[markup.heading(3, title, solution.id)]]
    facts: list[str] = []
    if solution.causes:
        titles = {c.id: _cause_title(record, i, lang) for i, c in enumerate(record.causes)}
        missing = [c for c in solution.causes if c not in titles]
        if missing:
            raise RenderError(f"{record.path}: {where}.causes: no cause `{missing[0]}` in this record")
        links = [markup.link(titles[c], f"#{c}") for c in solution.causes]
        facts.append(f"{markup.escape_text(label(lang, 'Fixes'))}{words(links, lang)}")
    if solution.when:
        when = _inline_text(record, f"{where}.when", f"{key}.when", solution.when, ctx, lang)
        facts.append(f"{markup.escape_text(label(lang, 'When'))}{when}")
    if solution.applies_to:
        facts.append(_applies_line(solution.applies_to, site, lang))
    if facts:
        blocks.append(_lines_with_breaks(facts))
    blocks.append(_steps(record, site, f"{where}.steps", f"{key}.steps", solution.steps, ctx, lang))
    if solution.verify:
        blocks.append([markup.heading(4, markup.escape_text(t(lang, "Verify")), f"{solution.id}-verify")])
        blocks.append(_steps(record, site, f"{where}.verify", f"{key}.verify", solution.verify, ctx, lang))
    return blocks


def _lines_with_breaks(lines: list[str]) -> list[str]:
    """Short facts on their own lines within one paragraph."""
    return [markup.escape_line_start(" <br />\n".join(lines))]


def _applies_line(ranges: dict[str, str], site: Site, lang: str) -> str:
    spans = [f"{markup.escape_text(_product_name(site, product, lang, former=False))} "
             f"{markup.escape_text(version_range(spec, lang))}"
             for product, spec in sorted(ranges.items())]
    return f"{markup.escape_text(label(lang, 'Applies to'))}{words(spans, lang)}"


def _steps(record: Record, site: Site, where: str, key: str, steps: tuple[Step, ...], ctx: TextContext,
           lang: str) -> list[str]:
    lines: list[str] = []
    for number, step in enumerate(steps, start=1):
        body = _step(record, site, f"{where}[{number - 1}]", f"{key}.{number - 1}", step, ctx, lang)
        if lines:
            lines.append("")
        lines += markup.list_item(f"{number}.", body)
    return lines


def _step(record: Record, site: Site, where: str, key: str, step: Step, ctx: TextContext, lang: str) -> list[str]:
    blocks: list[list[str]] = []
    if step.text:
        blocks.append(_block_text(record, f"{where}.text", f"{key}.text", step.text, ctx, lang))
    elif step.run is not None:
        blocks.append([markup.escape_text(t(lang, "Run this command:"))])
    elif step.file is not None and step.file.file is not None:
        blocks.append([t(lang, "Put this in {file}:", file=markup.code_span(step.file.file))])
    if step.applies_to:
        blocks.append([_applies_line(step.applies_to, site, lang)])
    if step.run is not None:
        blocks.append(markup.fence(step.run.code, SHELL_LEXER.get(step.run.shell or "bash", "bash")))
    if step.file is not None:
        blocks.append(markup.fence(step.file.code, FORMAT_LEXER.get(step.file.format or "", "text"),
                                   title=step.file.file))
    if step.output:
        blocks.append(markup.fence(step.output, "text", title=t(lang, "Output")))
    return markup.join_blocks(blocks)


def _product_name(site: Site, product_id: str, lang: str, former: bool = True) -> str:
    product = site.registries.products.get(product_id)
    if product is None:
        return product_id
    if former and product.former_names:
        return f"{product.name} ({t(lang, 'formerly {names}', names=words(list(product.former_names), lang))})"
    return product.name


def _applies_to(record: Record, site: Site, lang: str) -> list[str]:
    lines = [markup.heading(2, markup.escape_text(t(lang, "Applies to")), "applies-to"), ""]
    for product in record.products:
        spec = record.applies_to.get(product)
        versions = version_range(spec, lang) if spec else t(lang, "all versions")
        name = _product_name(site, product, lang)
        lines.append(f"- {markup.escape_text(name + label(lang, '') + versions)}")
    return lines


def _related(record: Record, site: Site, lang: str) -> list[str]:
    if not record.related:
        return []
    lines = [markup.heading(2, markup.escape_text(t(lang, "Related records")), "related"), ""]
    for rid in record.related:
        other = site.records.get(rid)
        if other is None:
            raise RenderError(f"{record.path}: related: no record `{rid}`")
        link = relative(record_page(record.id), record_page(rid))
        lines.append(f"- {markup.link(markup.escape_text(other.title), link)}")
    return lines


def _commits(record: Record, site: Site, ctx: TextContext, lang: str) -> list[str]:
    if not record.commits:
        return []
    lines = [markup.heading(2, markup.escape_text(t(lang, "Commits")), "commits"), ""]
    for i, commit in enumerate(record.commits):
        repo = site.registries.repos.get(commit.repo)
        if repo is None:
            raise RenderError(f"{record.path}: commits[{i}].repo: no repository `{commit.repo}` in kb/repos.yaml")
        text = f"{markup.link(markup.code_span(commit.sha[:12]), repo.commit_link(commit.sha))} {markup.escape_text(commit.repo)}"
        if commit.subject:
            text += f" — {markup.escape_text(commit.subject)}"
        if commit.date:
            text += f" ({markup.escape_text(long_date(commit.date, lang))})"
        body = [text]
        if commit.note:
            body += [""] + _block_text(record, f"commits[{i}].note", f"commits.{i}.note", commit.note, ctx, lang)
        lines += markup.list_item("-", body)
    return lines


def _corrections(record: Record, ctx: TextContext, lang: str) -> list[str]:
    if not record.source_claims:
        return []
    sources = {s.id: s for s in record.sources}
    body: list[list[str]] = []
    for i, claim in enumerate(record.source_claims):
        where = f"source_claims[{i}]"
        source = sources.get(claim.source)
        if source is None:
            raise RenderError(f"{record.path}: {where}.source: no source `{claim.source}` in this record")
        cited = markup.link(markup.escape_text(source.title), source.url)
        claim_md = _inline_text(record, f"{where}.claim", f"source_claims.{i}.claim", claim.claim, ctx, lang)
        fact_md = _inline_text(record, f"{where}.fact", f"source_claims.{i}.fact", claim.fact, ctx, lang)
        verdict = t(lang, _VERDICT.get(claim.verdict, claim.verdict))
        body.append([
            f"**{markup.escape_text(label(lang, 'Claim').rstrip())}** {claim_md} ({cited}) <br />",
            f"**{markup.escape_text(label(lang, 'Verdict').rstrip())}** {markup.escape_text(verdict)} <br />",
            f"**{markup.escape_text(label(lang, 'Fact').rstrip())}** {fact_md}",
        ])
    title = t(lang, "What some guides get wrong")
    return [markup.heading(2, markup.escape_text(title), "corrections"), "",
            *markup.admonition("warning", title, markup.join_blocks(body))]


def _sources(record: Record, lang: str) -> list[str]:
    lines = [markup.heading(2, markup.escape_text(t(lang, "Sources")), "sources"), ""]
    for source in record.sources:
        facts = [language_name(source.lang, lang)]
        if source.kind:
            facts.append(t(lang, _SOURCE_KIND.get(source.kind, source.kind)))
        if source.date:
            facts.append(long_date(source.date, lang))
        lines.append(f"- {markup.link(markup.escape_text(source.title), source.url)} — "
                     f"{markup.escape_text(list_separator(lang).join(facts))}")
    return lines


def _verification(record: Record, ctx: TextContext, lang: str) -> list[str]:
    heading = markup.heading(2, markup.escape_text(t(lang, "Verification")), "verification")
    check = record.verification
    if check is None:
        return [heading, "", markup.escape_text(t(lang, "This record has not been verified against the software yet."))]
    blocks = [[heading], [markup.escape_text(t(lang, "Checked on {date}.", date=long_date(check.checked, lang)))]]
    for heading_text, part, items in ((N_("Verified"), "verified", check.verified),
                                      (N_("Not verified"), "unverified", check.unverified)):
        if not items:
            continue
        lines = [f"**{markup.escape_text(t(lang, heading_text))}**", ""]
        for i, item in enumerate(items):
            body = _block_text(record, f"verification.{part}[{i}]", f"verification.{part}.{i}", item, ctx, lang)
            lines += markup.list_item("-", body)
        blocks.append(lines)
    return markup.join_blocks(blocks)


def _footer(record: Record, site: Site, lang: str) -> list[str]:
    parts = [markup.escape_text(t(lang, "Last updated: {date}", date=long_date(record.updated, lang)))]
    edit = site.settings.edit_link(record)
    report = site.settings.report_link(record, lang)
    if edit:
        parts.append(markup.link(markup.escape_text(t(lang, "Edit this record")), edit) + "{ .kb-edit }")
    if report:
        parts.append(markup.link(markup.escape_text(t(lang, "Report a problem")), report) + "{ .kb-report }")
    return ["* * *", "", " · ".join(parts)]
