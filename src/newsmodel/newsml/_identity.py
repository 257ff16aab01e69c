"""What the NewsML-G2 writer derives and the reader recognises: the guid and the provider.

An article without a guid is written with one derived from it, and one without a provider
with one derived from its site; the reader, meeting the same values, knows they were derived
and gives the article back as it was.
"""

from __future__ import annotations

import functools
import uuid
from datetime import date, datetime, timezone
from typing import TYPE_CHECKING

from newsmodel.slug import slugify

if TYPE_CHECKING:
    from newsmodel._models import Article

__all__ = ["derive_guid", "derive_guid_for", "derive_provider", "derive_provider_for"]

#: The namespace UUIDs of derived guids are made in (a fixed, arbitrary UUID).
_GUID_NAMESPACE = uuid.UUID("6f1d1c52-3c1e-5b7e-9a4e-6e6577736d6c")


def derive_guid(article: Article) -> str:
    """The guid written for an article that has none.

    A name-based UUID (RFC 4122 version 5) as a ``urn:uuid:`` URN: of the canonical URL when
    the article has one, else of the headline and the publication instant. The same article
    always gets the same guid, and a reader that meets it gives back ``guid=None``.

    >>> from newsmodel import Article
    >>> guid = derive_guid(Article(headline="Заголовок", url="https://example.kz/a"))
    >>> guid == derive_guid(Article(headline="Другой", url="https://example.kz/a"))
    True
    >>> guid[:9]
    'urn:uuid:'
    """
    return derive_guid_for(article.url, article.headline, article.published)


def derive_guid_for(url: str | None, headline: str, published: datetime | date | None) -> str:
    """:func:`derive_guid` from the fields it depends on."""
    if url:
        name = url
    elif isinstance(published, datetime):
        name = f"{headline}\n{published.astimezone(timezone.utc).isoformat()}"
    else:
        when = published.isoformat() if published else ""
        name = f"{headline}\n{when}"
    return f"urn:uuid:{uuid.uuid5(_GUID_NAMESPACE, name)}"


def derive_provider(article: Article) -> str:
    """The provider QCode written when neither the caller nor the article names one.

    >>> from newsmodel import Article
    >>> derive_provider(Article(headline="Т", site="Altyn-orda.kz"))
    'nmprov:altyn-orda-kz'
    """
    return derive_provider_for(article.site)


@functools.lru_cache(maxsize=1024)
def derive_provider_for(site: str | None) -> str:
    """:func:`derive_provider` from the site name."""
    return f"nmprov:{(slugify(site) if site else '') or 'unknown'}"
