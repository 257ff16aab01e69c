"""Media blocks of an article's content: figures and embeds.

A figure is an image with its caption and credit; an embed, a video, audio or social post
from another service.

Like every content class, they are frozen, slotted attrs classes, equal by value; their text
is cleaned by the rules in :mod:`newsmodel._textrules`.
"""

from __future__ import annotations

import enum
from urllib.parse import urlsplit

import attrs

from newsmodel._init import install, text_fields
from newsmodel._metadata import Attribution
from newsmodel._values import absolute_url, optional_text
from newsmodel.errors import ValidationError

__all__ = ["Embed", "EmbedProvider", "Figure", "provider_of"]


def _caption_field(value: str | None) -> str | None:
    return optional_text(value, "caption")


def _alt_field(value: str | None) -> str | None:
    return optional_text(value, "alt")


def _image_field(value: str) -> str:
    url = absolute_url(value, "image")
    if url is None:
        raise ValidationError("image", "a figure needs an image URL")
    return url


def _optional_attribution(value: Attribution | None) -> Attribution | None:
    if value is not None and not isinstance(value, Attribution):
        msg = f"expected Attribution, got {type(value).__name__}"
        raise ValidationError("credit", msg)
    return value


@attrs.frozen
class Figure:
    """An image with its caption and credit.

    >>> from newsmodel import Attribution, Role
    >>> fig = Figure(
    ...     "https://example.kz/photo.jpg",
    ...     caption="Вид на Астану",
    ...     credit=Attribution("Иван Петров", role=Role.PHOTOGRAPHER, phrase="фото"),
    ... )
    >>> fig.text
    'Вид на Астану'
    """

    image: str = attrs.field(converter=_image_field)
    caption: str | None = attrs.field(default=None, converter=_caption_field)
    credit: Attribution | None = attrs.field(default=None, converter=_optional_attribution)
    alt: str | None = attrs.field(default=None, converter=_alt_field)

    @property
    def text(self) -> str:
        """The caption, or ``""``."""
        return self.caption or ""


class EmbedProvider(enum.Enum):
    """The service an embedded post, video or audio comes from.

    >>> EmbedProvider("youtube")
    <EmbedProvider.YOUTUBE: 'youtube'>
    """

    YOUTUBE = "youtube"
    VIMEO = "vimeo"
    TELEGRAM = "telegram"
    INSTAGRAM = "instagram"
    #: X, formerly Twitter (``x.com`` and ``twitter.com``).
    X = "x"
    VK = "vk"
    TIKTOK = "tiktok"
    #: any other service: a generic iframe or a link.
    OTHER = "other"


_PROVIDER_HOSTS: dict[str, EmbedProvider] = {
    "youtube.com": EmbedProvider.YOUTUBE,
    "youtu.be": EmbedProvider.YOUTUBE,
    "youtube-nocookie.com": EmbedProvider.YOUTUBE,
    "vimeo.com": EmbedProvider.VIMEO,
    "t.me": EmbedProvider.TELEGRAM,
    "telegram.me": EmbedProvider.TELEGRAM,
    "telegram.org": EmbedProvider.TELEGRAM,
    "instagram.com": EmbedProvider.INSTAGRAM,
    "instagr.am": EmbedProvider.INSTAGRAM,
    "x.com": EmbedProvider.X,
    "twitter.com": EmbedProvider.X,
    "vk.com": EmbedProvider.VK,
    "vk.ru": EmbedProvider.VK,
    "vkvideo.ru": EmbedProvider.VK,
    "tiktok.com": EmbedProvider.TIKTOK,
}


def provider_of(url: str) -> EmbedProvider:
    """The service an embed's URL belongs to, by its host; :attr:`EmbedProvider.OTHER` if none.

    >>> provider_of("https://www.youtube.com/watch?v=abc"), provider_of("https://t.me/kazinform/1")
    (<EmbedProvider.YOUTUBE: 'youtube'>, <EmbedProvider.TELEGRAM: 'telegram'>)
    """
    host = (urlsplit(url).hostname or "").rstrip(".")
    labels = host.split(".")
    # The host itself or any domain above it (m.youtube.com, player.vimeo.com): a few lookups.
    for i in range(len(labels) - 1):
        found = _PROVIDER_HOSTS.get(".".join(labels[i:]))
        if found is not None:
            return found
    return EmbedProvider.OTHER


def _embed_url_field(value: str) -> str:
    url = absolute_url(value, "url")
    if url is None:
        raise ValidationError("url", "an embed needs a URL")
    return url


def _provider_field(value: EmbedProvider | str | None) -> EmbedProvider | None:
    if value is None or isinstance(value, EmbedProvider):
        return value
    try:
        return EmbedProvider(value)
    except ValueError:
        allowed = ", ".join(p.value for p in EmbedProvider)
        msg = f"unknown provider {value!r} (one of {allowed})"
        raise ValidationError("provider", msg) from None


@attrs.frozen
class Embed:
    """A video, audio or social post embedded from another service, by its http(s) URL.

    The provider follows the URL unless it is given: ``provider`` is the service that applies,
    ``given_provider`` the one given (``None`` when it is derived), so that
    ``attrs.evolve(embed, url=...)`` derives it again from the new URL.

    >>> embed = Embed("https://youtu.be/dQw4w9WgXcQ", caption="Пресс-конференция")
    >>> embed.provider, embed.given_provider
    (<EmbedProvider.YOUTUBE: 'youtube'>, None)
    >>> embed.text
    'Пресс-конференция'
    """

    url: str = attrs.field(converter=_embed_url_field)
    given_provider: EmbedProvider | None = attrs.field(
        default=None, converter=_provider_field, alias="provider"
    )
    caption: str | None = attrs.field(default=None, converter=_caption_field)
    credit: Attribution | None = attrs.field(default=None, converter=_optional_attribution)

    @property
    def provider(self) -> EmbedProvider:
        """The service the embed comes from, as given or else derived from the URL."""
        return self.given_provider or provider_of(self.url)

    @property
    def text(self) -> str:
        """The caption, or ``""``."""
        return self.caption or ""


text_fields(_caption_field, _alt_field)
install(Figure)
install(Embed)
