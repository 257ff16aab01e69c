"""newsmodel: a typed content model for news articles.

The top level is the stable API: the model (:class:`Article`, :class:`Section`,
:class:`Attribution` and their parts), the errors, and the Russian-text tools (slugs, dates
both ways, attribution phrases). Each format is a
module with the same four functions, ``loads``, ``load``, ``dumps`` and ``dump``:
:mod:`newsmodel.json`.

>>> from newsmodel import Article
>>> Article(headline="Заголовок статьи").slug
'zagolovok-stati'
"""

import attrs as _attrs

from newsmodel._attribution import format_attribution, parse_attribution, split_attribution
from newsmodel._models import (
    Article,
    Attribution,
    Block,
    Embed,
    EmbedProvider,
    Emphasis,
    Figure,
    Genre,
    Inline,
    ItemList,
    LineBreak,
    Link,
    Paragraph,
    PubStatus,
    Quote,
    Rights,
    Role,
    Section,
    Strong,
    Subject,
    Table,
)
from newsmodel.dates import (
    DateStyle,
    ParsedDate,
    Precision,
    YearMonth,
    format_date,
    format_relative,
    parse_date,
)
from newsmodel.errors import (
    LossyConversionWarning,
    NewsmodelError,
    NewsmodelWarning,
    ParseError,
    ValidationError,
    WriteError,
)
from newsmodel.slug import Scheme, slugify, transliterate, unique_slug

# Public classes belong to the top level, where users import them from: reprs, tracebacks,
# pickles and the documentation name them ``newsmodel.Article``, not the private module. Their
# string annotations are resolved first, in the namespace of the module that defines them.
for _obj in (
    Article,
    Attribution,
    Embed,
    EmbedProvider,
    Emphasis,
    Figure,
    Genre,
    ItemList,
    LineBreak,
    Link,
    LossyConversionWarning,
    NewsmodelError,
    NewsmodelWarning,
    ParseError,
    Paragraph,
    PubStatus,
    Quote,
    Rights,
    Role,
    Section,
    Strong,
    Subject,
    Table,
    ValidationError,
    WriteError,
    ParsedDate,
    Precision,
    YearMonth,
):
    if _attrs.has(_obj):
        _attrs.resolve_types(_obj)
    _obj.__module__ = __name__
del _obj

#: The release, the one place it is written (the package's metadata reads it from here).
__version__ = "0.1.0.dev0"

__all__ = [
    "Article",
    "Attribution",
    "Block",
    "DateStyle",
    "Embed",
    "EmbedProvider",
    "Emphasis",
    "Figure",
    "Genre",
    "Inline",
    "ItemList",
    "LineBreak",
    "Link",
    "LossyConversionWarning",
    "NewsmodelError",
    "NewsmodelWarning",
    "Paragraph",
    "ParseError",
    "ParsedDate",
    "Precision",
    "PubStatus",
    "Quote",
    "Rights",
    "Role",
    "Scheme",
    "Section",
    "Strong",
    "Subject",
    "Table",
    "ValidationError",
    "WriteError",
    "YearMonth",
    "__version__",
    "format_attribution",
    "format_date",
    "format_relative",
    "parse_attribution",
    "parse_date",
    "slugify",
    "split_attribution",
    "transliterate",
    "unique_slug",
]
