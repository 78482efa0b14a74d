"""/xa-phuong/ on every site: the directory of a parent portal's members (404 on a member)."""

from django.urls import path

from search.directory import network_directory

urlpatterns = [path("", network_directory, name="network_directory")]
