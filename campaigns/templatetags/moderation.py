from django import template
from django.urls import reverse

from campaigns.models import LocalAction, Moderation, Photo

register = template.Library()


@register.simple_tag
def pending_moderation(user):
    """The moderation queues this user may work on, with how much waits in each."""
    queues = []
    for model in (LocalAction, Photo):
        opts = model._meta
        if not user.has_perm(f"{opts.app_label}.change_{opts.model_name}"):
            continue
        url = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
        queues.append(
            {
                "label": opts.verbose_name_plural,
                "count": model.objects.pending().count(),
                "url": f"{url}?status__exact={Moderation.PENDING}",
            }
        )
    return queues
