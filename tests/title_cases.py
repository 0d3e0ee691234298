"""Messy job titles and the O*NET-SOC code (or code prefix) they should get, for tests and bench.

``(title, expected, within)``: ``expected`` is a code or a prefix ("29-1141" matches
29-1141.00 to .04); ``within`` is 1 when it must be the top answer, 3 when the top three will do
(titles O*NET itself files under several occupations).
"""

from __future__ import annotations

CASES: list[tuple[str, str, int]] = [
    ("Sr. RN - ICU nights", "29-1141", 1),
    ("Registerd nurse", "29-1141", 1),
    ("Charge Nurse, Med-Surg (PRN)", "29-1141", 1),
    ("LPN - weekends", "29-2061.00", 1),
    ("CNA / Patient Care Tech", "31-1131.00", 3),
    ("Family NP", "29-1171.00", 1),
    ("Physician Assistant - Orthopedics", "29-1071.00", 1),
    ("Senior Software Engineer II", "15-1252.00", 1),
    ("SWE @ Google", "15-1252.00", 1),
    ("Sofware developer", "15-1252.00", 1),
    ("Full-stack developer (remote)", "15-1252.00", 3),
    ("UX/UI designer", "15-1255.00", 1),
    ("Content marketing manager", "11-2021.00", 3),
    ("Paralegal", "23-2011.00", 1),
    ("Compliance officer", "13-1041.00", 1),
    ("Data scientist", "15-2051.00", 1),
    ("DevOps engineer", "15-1252.00", 3),
    ("Air traffic controller", "53-2021.00", 1),
    ("Copywriter", "27-3043", 1),
    ("Site Reliability Engineer (SRE)", "15-1252.00", 3),
    ("Database Administrator / DBA", "15-1242.00", 1),
    ("QA Tester", "15-1253.00", 1),
    ("Staff Accountant", "13-2011.00", 1),
    ("CPA, Tax Senior", "13-2011.00", 3),
    ("Financial Analyst III", "13-2051.00", 1),
    ("Bookkeeper (part-time)", "43-3031.00", 1),
    ("HR Generalist", "13-1071.00", 1),
    ("High School Math Teacher", "25-2031.00", 1),
    ("5th grade teacher", "25-2021.00", 1),
    ("Kindergarten teacher", "25-2012.00", 1),
    ("Adjunct Professor of English", "25-1123.00", 3),
    ("CDL-A Truck Driver - OTR", "53-3032.00", 1),
    ("Forklift operator 2nd shift", "53-7051.00", 1),
    ("Executive Chef", "35-1011.00", 1),
    ("Line cook", "35-20", 1),
    ("Barista", "35-3023", 1),
    ("Electrician Apprentice", "47-3013.00", 1),
    ("HVAC Technician", "49-9021.00", 1),
    ("Plumber", "47-2152", 1),
    ("Dental Hygienist", "29-1292.00", 1),
    ("Pharmacist in charge", "29-1051.00", 1),
    ("Physical Therapist - Outpatient", "29-1123.00", 1),
    ("Police Officer", "33-3051", 1),
    ("Firefighter/EMT", "33-2011.00", 3),
    ("Graphic Designer", "27-1024.00", 1),
    ("Head of Marketing", "11-2021.00", 1),
    ("VP of Sales", "11-2022.00", 1),
    ("Customer Service Rep", "43-4051.00", 1),
    ("Administrative Assistant", "43-6014.00", 3),
    ("Mechanical Engineer I", "17-2141.00", 1),
    ("Civil engineer - Transportation", "17-2051", 1),
    ("Business Intelligence Analyst", "15-2051.01", 1),
    ("Machine Learning Engineer", "15-", 1),
    ("Social worker (MSW)", "21-1021", 3),
    ("Real estate agent", "41-9022.00", 1),
    ("Cashier", "41-2011.00", 1),
]

GIBBERISH = ["asdkjh qwe", "zzzz xxqv", "lorem ipsum dolor"]
