"""Every interface string of the generated pages, in one table keyed by English msgid.

Why one table: the translation issue moves these into Babel gettext
catalogs. Keeping every string here, looked up by its English text through
one function (``t(lang, msgid)``, extractable with ``pybabel extract -k t:2``),
makes that a mechanical change. Placeholders use ``str.format`` names
(``{date}``), which gettext's ``python-brace-format`` flag understands.

A string missing for a language falls back to the English msgid, so a new
string never breaks a build; the test suite checks every language has all.
"""

from __future__ import annotations

# msgid -> {language code -> translation}. English is the msgid itself.
MESSAGES: dict[str, dict[str, str]] = {
    # Site and navigation
    "OpenClaw 1008 troubleshooting": {
        "ja": "OpenClaw 1008 トラブルシューティング",
        "fr": "Dépannage OpenClaw 1008",
        "zh": "OpenClaw 1008 故障排除",
    },
    "Home": {"ja": "ホーム", "fr": "Accueil", "zh": "首页"},
    "By error message": {"ja": "エラーメッセージ別", "fr": "Par message d’erreur", "zh": "按错误信息"},
    "By product": {"ja": "製品別", "fr": "Par produit", "zh": "按产品"},
    "By tag": {"ja": "タグ別", "fr": "Par étiquette", "zh": "按标签"},
    "All records": {"ja": "すべての記事", "fr": "Toutes les fiches", "zh": "全部条目"},
    "Fixes for OpenClaw (formerly Clawdbot, then Moltbot) and Moltworker gateway errors such as "
    "`disconnected (1008)` and `gateway closed (1008)`, each checked against the real software.": {
        "ja": "OpenClaw（旧称 Clawdbot、のちに Moltbot）と Moltworker の `disconnected (1008)` や "
              "`gateway closed (1008)` などのゲートウェイエラーの解決方法です。どれも実際のソフトウェアで確認しています。",
        "fr": "Solutions aux erreurs de passerelle d’OpenClaw (anciennement Clawdbot, puis Moltbot) et de Moltworker, "
              "comme `disconnected (1008)` et `gateway closed (1008)`, chacune vérifiée sur le vrai logiciel.",
        "zh": "OpenClaw（曾用名 Clawdbot，后改名 Moltbot）和 Moltworker 网关错误（如 `disconnected (1008)`、"
              "`gateway closed (1008)`）的解决方法，每条都已在真实软件上核实。",
    },
    "Find your error": {"ja": "エラーを探す", "fr": "Trouver votre erreur", "zh": "查找您的错误"},
    "Search for the exact message you see, or browse:": {
        "ja": "表示されたメッセージをそのまま検索するか、次の一覧から探してください。",
        "fr": "Recherchez le message exact que vous voyez, ou parcourez :",
        "zh": "搜索您看到的原始信息，或浏览：",
    },
    "every error string and close code": {
        "ja": "すべてのエラー文字列とクローズコード",
        "fr": "chaque message d’erreur et code de fermeture",
        "zh": "所有错误字符串和关闭代码",
    },
    "products and their former names": {
        "ja": "製品とその旧称",
        "fr": "les produits et leurs anciens noms",
        "zh": "产品及其曾用名",
    },
    "topics": {"ja": "トピック", "fr": "les sujets", "zh": "主题"},
    "one table of every record": {
        "ja": "全記事の一覧表",
        "fr": "un tableau de toutes les fiches",
        "zh": "全部条目一览表",
    },
    "Recently updated": {"ja": "最近の更新", "fr": "Mises à jour récentes", "zh": "最近更新"},
    "No records yet.": {"ja": "まだ記事はありません。", "fr": "Aucune fiche pour l’instant.", "zh": "暂无条目。"},
    # Record page
    "Error messages": {"ja": "エラーメッセージ", "fr": "Messages d’erreur", "zh": "错误信息"},
    "Close code": {"ja": "クローズコード", "fr": "Code de fermeture", "zh": "关闭代码"},
    "Symptoms": {"ja": "症状", "fr": "Symptômes", "zh": "症状"},
    "Causes": {"ja": "原因", "fr": "Causes", "zh": "原因"},
    "Cause {number}": {"ja": "原因 {number}", "fr": "Cause {number}", "zh": "原因 {number}"},
    "Solutions": {"ja": "解決方法", "fr": "Solutions", "zh": "解决方法"},
    "Fixes": {"ja": "対応する原因", "fr": "Corrige", "zh": "对应原因"},
    "When": {"ja": "該当する場合", "fr": "Quand", "zh": "适用情况"},
    "Verify": {"ja": "確認", "fr": "Vérifier", "zh": "验证"},
    "Run this command:": {"ja": "次のコマンドを実行します。", "fr": "Exécutez cette commande :", "zh": "运行以下命令："},
    "Put this in {file}:": {"ja": "{file} に次の内容を書きます。", "fr": "Mettez ceci dans {file} :", "zh": "将以下内容写入 {file}："},
    "Pattern": {"ja": "パターン", "fr": "Motif", "zh": "匹配模式"},
    "Output": {"ja": "出力", "fr": "Sortie", "zh": "输出"},
    "Applies to": {"ja": "対象バージョン", "fr": "S’applique à", "zh": "适用版本"},
    "all versions": {"ja": "すべてのバージョン", "fr": "toutes les versions", "zh": "所有版本"},
    "formerly {names}": {"ja": "旧称 {names}", "fr": "anciennement {names}", "zh": "曾用名 {names}"},
    "from {version}": {"ja": "{version} 以降", "fr": "à partir de {version}", "zh": "{version} 及以后"},
    "after {version}": {"ja": "{version} より後", "fr": "après {version}", "zh": "{version} 之后"},
    "up to {version}": {"ja": "{version} まで", "fr": "jusqu’à {version}", "zh": "{version} 及以前"},
    "before {version}": {"ja": "{version} より前", "fr": "avant {version}", "zh": "{version} 之前"},
    "exactly {version}": {"ja": "{version} のみ", "fr": "exactement {version}", "zh": "仅 {version}"},
    "not {version}": {"ja": "{version} を除く", "fr": "sauf {version}", "zh": "{version} 除外"},
    "Related records": {"ja": "関連記事", "fr": "Fiches liées", "zh": "相关条目"},
    "Commits": {"ja": "コミット", "fr": "Commits", "zh": "提交"},
    "What some guides get wrong": {
        "ja": "一部のガイドの誤り",
        "fr": "Ce que certains guides disent à tort",
        "zh": "部分指南中的错误说法",
    },
    "Claim": {"ja": "記載内容", "fr": "Affirmation", "zh": "说法"},
    "Verdict": {"ja": "判定", "fr": "Verdict", "zh": "结论"},
    "Fact": {"ja": "事実", "fr": "Les faits", "zh": "事实"},
    "False": {"ja": "誤り", "fr": "Faux", "zh": "错误"},
    "Outdated": {"ja": "古い情報", "fr": "Obsolète", "zh": "已过时"},
    "Partly true": {"ja": "一部のみ正しい", "fr": "En partie vrai", "zh": "部分正确"},
    "Unverified": {"ja": "未確認", "fr": "Non vérifié", "zh": "未经核实"},
    "Sources": {"ja": "出典", "fr": "Sources", "zh": "来源"},
    "blog post": {"ja": "ブログ記事", "fr": "article de blog", "zh": "博客文章"},
    "issue": {"ja": "issue", "fr": "ticket", "zh": "issue"},
    "pull request": {"ja": "プルリクエスト", "fr": "pull request", "zh": "拉取请求"},
    "documentation": {"ja": "ドキュメント", "fr": "documentation", "zh": "文档"},
    "source code": {"ja": "ソースコード", "fr": "code source", "zh": "源代码"},
    "commit": {"ja": "コミット", "fr": "commit", "zh": "提交"},
    "forum thread": {"ja": "フォーラムの投稿", "fr": "fil de forum", "zh": "论坛帖子"},
    "Verification": {"ja": "検証", "fr": "Vérification", "zh": "核实"},
    "Checked on {date}.": {"ja": "{date}に確認しました。", "fr": "Vérifié le {date}.", "zh": "核实于 {date}。"},
    "Verified": {"ja": "確認済み", "fr": "Vérifié", "zh": "已核实"},
    "Not verified": {"ja": "未確認", "fr": "Non vérifié", "zh": "未核实"},
    "This record has not been verified against the software yet.": {
        "ja": "この記事はまだ実際のソフトウェアで検証されていません。",
        "fr": "Cette fiche n’a pas encore été vérifiée sur le logiciel.",
        "zh": "本条目尚未在软件上核实。",
    },
    "Last updated: {date}": {"ja": "最終更新：{date}", "fr": "Dernière mise à jour : {date}", "zh": "最后更新：{date}"},
    "Edit this record": {"ja": "この記事を編集", "fr": "Modifier cette fiche", "zh": "编辑本条目"},
    "Report a problem": {"ja": "問題を報告", "fr": "Signaler un problème", "zh": "报告问题"},
    "Not translated yet": {"ja": "未翻訳", "fr": "Pas encore traduit", "zh": "尚未翻译"},
    "This page has not been translated yet; showing the English text.": {
        "ja": "このページはまだ翻訳されていません。英語の原文を表示しています。",
        "fr": "Cette page n’a pas encore été traduite ; le texte anglais est affiché.",
        "zh": "本页尚未翻译，现显示英文原文。",
    },
    "This page has not been translated yet; showing the original text in {language}.": {
        "ja": "このページはまだ翻訳されていません。原文（{language}）を表示しています。",
        "fr": "Cette page n’a pas encore été traduite ; le texte original ({language}) est affiché.",
        "zh": "本页尚未翻译，现显示原文（{language}）。",
    },
    # Index pages
    "Without a close code": {"ja": "クローズコードなし", "fr": "Sans code de fermeture", "zh": "无关闭代码"},
    "Close code {code}": {"ja": "クローズコード {code}", "fr": "Code de fermeture {code}", "zh": "关闭代码 {code}"},
    "Tags": {"ja": "タグ", "fr": "Étiquettes", "zh": "标签"},
    "Title": {"ja": "タイトル", "fr": "Titre", "zh": "标题"},
    "Products": {"ja": "製品", "fr": "Produits", "zh": "产品"},
    "Updated": {"ja": "更新日", "fr": "Mise à jour", "zh": "更新日期"},
    "No records for this product yet.": {
        "ja": "この製品の記事はまだありません。",
        "fr": "Aucune fiche pour ce produit pour l’instant.",
        "zh": "该产品暂无条目。",
    },
}


#: What follows a label ("Applies to: ...") in each language: French puts a no-break space before the
#: colon; Japanese and Chinese use the full-width colon, which carries its own spacing.
_COLON = {"en": ": ", "ja": "：", "fr": "\u00a0: ", "zh": "："}


def label(lang: str, msgid: str) -> str:
    """A label and the language's colon, ready for the value: ``Applies to: `` / ``対象バージョン：``."""
    return t(lang, msgid) + _COLON.get(lang, ": ")


#: Between short facts in a run ("English, documentation, 22 August 2026").
_LIST_SEPARATOR = {"ja": "、", "zh": "，"}


def list_separator(lang: str) -> str:
    return _LIST_SEPARATOR.get(lang, ", ")


def t(lang: str, msgid: str, **values: object) -> str:
    """``msgid`` in ``lang`` (English when missing), with ``{name}`` placeholders filled from ``values``."""
    text = MESSAGES.get(msgid, {}).get(lang, msgid) if lang != "en" else msgid
    return text.format(**values) if values else text
