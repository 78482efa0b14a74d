"""Page types, snippets and questions of every site (issue 4), one module per area."""

from content.models.base import PortalPage
from content.models.consultations import (
    ConsultationIndexPage,
    DraftComment,
    DraftCommentTag,
    DraftForComment,
)
from content.models.documents import DocumentIndexPage, DocumentPage
from content.models.pages import (
    ContactPage,
    HomePage,
    IntroductionPage,
    NewsPage,
    SectionPage,
)
from content.models.procedures import ProcedureIndexPage, ProcedurePage
from content.models.questions import Question, QuestionIndexPage
from content.models.schedules import ScheduleIndexPage, ScheduleWeekPage
from content.models.snippets import ContributingUnit, DocumentType, IssuingBody, Sector

__all__ = [
    "ConsultationIndexPage",
    "ContactPage",
    "ContributingUnit",
    "DocumentIndexPage",
    "DocumentPage",
    "DocumentType",
    "DraftComment",
    "DraftCommentTag",
    "DraftForComment",
    "HomePage",
    "IntroductionPage",
    "IssuingBody",
    "NewsPage",
    "PortalPage",
    "ProcedureIndexPage",
    "ProcedurePage",
    "Question",
    "QuestionIndexPage",
    "ScheduleIndexPage",
    "ScheduleWeekPage",
    "SectionPage",
    "Sector",
]
