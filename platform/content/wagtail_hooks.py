"""Admin menus for the lists a board keeps (snippets) and for citizens' questions."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from content.languages import page_in_its_language
from content.models import (
    ContributingUnit,
    DocumentType,
    DraftComment,
    IssuingBody,
    Question,
    Sector,
)


class NamedItemViewSet(SnippetViewSet):
    list_display = ["name", "sort_order"]
    search_fields = ["name"]
    ordering = ["sort_order", "name"]


class ContributingUnitViewSet(NamedItemViewSet):
    model = ContributingUnit
    icon = "group"
    list_display = ["name", "group", "monthly_target", "sort_order"]
    list_filter = ["group"]
    menu_label = _("Đơn vị cung cấp tin")


class DocumentTypeViewSet(NamedItemViewSet):
    model = DocumentType
    icon = "doc-full"
    list_display = ["name", "code", "sort_order"]
    menu_label = _("Loại văn bản")


class IssuingBodyViewSet(NamedItemViewSet):
    model = IssuingBody
    icon = "site"
    menu_label = _("Cơ quan ban hành")


class SectorViewSet(NamedItemViewSet):
    model = Sector
    icon = "tag"
    menu_label = _("Lĩnh vực")


class ListsGroup(SnippetViewSetGroup):
    items = [ContributingUnitViewSet, DocumentTypeViewSet, IssuingBodyViewSet, SectorViewSet]
    menu_icon = "list-ul"
    menu_label = _("Danh mục dùng chung")
    menu_name = "content-lists"


class QuestionFilterSet(WagtailFilterSet):
    class Meta:
        model = Question
        fields = ["status", "is_public", "sector"]


class AnswerOnlyPolicy(ModelPermissionPolicy):
    """Questions come from citizens through the site's form: the board answers, never adds
    one (a question typed in by an editor would have no asker and no tracking code sent)."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


class QuestionViewSet(SnippetViewSet):
    """Board members read and answer citizens' questions here (F5)."""

    model = Question
    icon = "help"
    menu_label = _("Hỏi – Đáp")
    menu_name = "questions"
    menu_order = 250
    add_to_admin_menu = True
    # Wagtail's boolean column titles its icon "True"/"False", English on a Vietnamese screen.
    list_display = [
        "code",
        "name",
        "sector",
        "status",
        Column(
            "is_public",
            label=_("công khai"),
            accessor=lambda question: _("Công khai") if question.is_public else _("Chưa"),
        ),
        "submitted_at",
    ]
    search_fields = ["code", "name", "question"]
    filterset_class = QuestionFilterSet
    ordering = ["-submitted_at"]


class DraftCommentFilterSet(WagtailFilterSet):
    class Meta:
        model = DraftComment
        fields = ["draft", "status"]


class DraftCommentViewSet(SnippetViewSet):
    """The board reads, tags and answers comments on its drafts here (C17, F7). Like questions,
    comments come only from citizens through the draft's page: never added in the admin."""

    model = DraftComment
    icon = "comment"
    menu_label = _("Góp ý dự thảo")
    menu_name = "draft-comments"
    menu_order = 260
    add_to_admin_menu = True
    list_display = ["draft", Column("text", label=_("nội dung góp ý")), "status", "submitted_at"]
    search_fields = ["text", "answer"]
    filterset_class = DraftCommentFilterSet
    ordering = ["-submitted_at"]


register_permission_policy(Question, AnswerOnlyPolicy(Question))
register_permission_policy(DraftComment, AnswerOnlyPolicy(DraftComment))
register_snippet(ListsGroup)
register_snippet(QuestionViewSet)
register_snippet(DraftCommentViewSet)


# A page answers only under its own language's prefix (content.languages, issue 16): before
# the visit is counted (reports), so a 404 is no page view.
hooks.register("before_serve_page", page_in_its_language, order=-10)
