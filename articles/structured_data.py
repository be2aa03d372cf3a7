"""schema.org JSON-LD for articles and correspondents: public fields only."""

from django.conf import settings


def _url(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


def person(correspondent, *, job_title: str = "") -> dict:
    data = {
        "@type": "Person",
        "name": correspondent.name,
        "url": _url(correspondent.get_absolute_url()),
    }
    if job_title or correspondent.job_title:
        data["jobTitle"] = job_title or correspondent.job_title
    return data


def profile(correspondent) -> dict:
    data = {"@context": "https://schema.org", **person(correspondent)}
    if correspondent.based_in:
        data["workLocation"] = {"@type": "Place", "name": correspondent.based_in}
    if correspondent.language_list:
        data["knowsLanguage"] = correspondent.language_list
    if correspondent.education:
        data["alumniOf"] = [
            line.strip()
            for line in correspondent.education.splitlines()
            if line.strip()
        ]
    if correspondent.bio:
        data["description"] = correspondent.bio_paragraphs[0]
    if correspondent.photo:
        data["image"] = _url(correspondent.photo.url)
    links = [link.url for link in correspondent.links.all()]
    if links:
        data["sameAs"] = links
    return data


def news_article(article) -> dict:
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.headline[:110],
        "description": article.dek,
        "mainEntityOfPage": _url(article.get_absolute_url()),
        "datePublished": article.publish_at.isoformat() if article.publish_at else None,
        "dateModified": article.updated_at.isoformat(),
        "wordCount": article.word_count,
        "author": [
            person(byline.correspondent, job_title=byline.title)
            for byline in article.bylines.all()
        ],
        "publisher": {
            "@type": "NewsMediaOrganization",
            "name": settings.SITE_NAME,
            "url": settings.SITE_URL + "/",
        },
        "isAccessibleForFree": True,
    }
    if article.section:
        data["articleSection"] = article.section.name
    if article.hero_image:
        data["image"] = [_url(article.hero_image.url)]
    keywords = [tag.name for tag in article.tags.all()]
    if keywords:
        data["keywords"] = keywords
    corrections = article.corrections.all()
    if corrections:
        data["correction"] = [
            {
                "@type": "CorrectionComment",
                "text": correction.note,
                "datePublished": correction.created_at.isoformat(),
            }
            for correction in corrections
        ]
    return data


def share_card(article) -> dict:
    """What a share of the story shows (its Open Graph and Twitter card tags);
    the story's page and the editors' card preview both read it."""
    return {
        "title": article.headline,
        "description": article.dek,
        "url": _url(article.get_absolute_url()),
        "image": _url(article.hero_image.url) if article.hero_image else "",
        "image_alt": article.hero_alt if article.hero_image else "",
        "twitter_card": "summary_large_image" if article.hero_image else "summary",
    }
