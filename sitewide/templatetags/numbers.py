from django import template
from django.utils.formats import number_format

register = template.Library()


@register.filter
def grouped(number):
    """A whole number with the active language's thousands separator: 1,343 or 1 343."""
    return number_format(number, force_grouping=True)
