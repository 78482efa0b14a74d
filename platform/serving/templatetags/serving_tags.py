"""``{% cached_fragment "name" [vary…] %}…{% end_cached_fragment %}``: a per-site fragment
(serving.fragments). A fragment that sets ``request.cache_until`` (the banners: the next start
or end) keeps that time with it, so a page built from it expires then too."""

from django import template

from serving import fragments

register = template.Library()


class CachedFragmentNode(template.Node):
    def __init__(self, name, vary, nodelist):
        self.name, self.vary, self.nodelist = name, vary, nodelist

    def render(self, context):
        request = context.get("request")
        if not fragments.enabled() or request is None:
            return self.nodelist.render(context)
        name = self.name.resolve(context)
        key = fragments.fragment_key(request, name, tuple(v.resolve(context) for v in self.vary))
        if key is None:
            return self.nodelist.render(context)
        found = fragments.get(key)
        if found is not None:
            html, until = found
        else:
            before = getattr(request, "cache_until", None)
            request.cache_until = None
            html = self.nodelist.render(context)
            until = request.cache_until
            request.cache_until = before
            fragments.store(key, html, until)
        if until is not None:
            current = getattr(request, "cache_until", None)
            request.cache_until = until if current is None else min(current, until)
        return html


@register.tag("cached_fragment")
def cached_fragment(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("cached_fragment needs a name")
    nodelist = parser.parse(("end_cached_fragment",))
    parser.delete_first_token()
    return CachedFragmentNode(
        parser.compile_filter(bits[1]), [parser.compile_filter(b) for b in bits[2:]], nodelist
    )
