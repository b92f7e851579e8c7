from django import template
from django.utils.formats import number_format

register = template.Library()


@register.filter
def grouped(number):
    """1234567 as "1,234,567" (or "1 234 567" in French): counters are read at a glance."""
    return number_format(number, force_grouping=True)
