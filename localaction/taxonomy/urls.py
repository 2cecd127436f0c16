from django.urls import path

from . import views

app_name = "taxonomy"

urlpatterns = [
    path("gcm/", views.gcm_index, name="gcm_index"),
    path("gcm/objectives/<int:number>/", views.gcm_objective, name="gcm_objective"),
    path("gcr/", views.gcr_index, name="gcr_index"),
    path("gcr/objectives/<int:number>/", views.gcr_objective, name="gcr_objective"),
    path("gcr/areas/<slug:key>/", views.gcr_area, name="gcr_area"),
    path("sdgs/", views.sdg_index, name="sdg_index"),
    path("sdgs/<int:number>/", views.sdg, name="sdg"),
]
